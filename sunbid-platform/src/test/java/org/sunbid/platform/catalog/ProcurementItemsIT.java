package org.sunbid.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;

/**
 * The 品目 catalogue as maintained data (财库〔2022〕31号 ⚠): the seed's kinds and goods classes, lookups through the
 * catalog's API, items added under listed parents only, and the e-mall's categories checked against it.
 */
class ProcurementItemsIT extends PlatformIT {

    @Autowired
    ProcurementItems items;

    @Test
    void theSeedHoldsTheThreeKindsAndTheGoodsClasses() {
        assertThat(items.all()).extracting(ProcurementItems.ProcurementItem::code)
                .contains("A", "B", "C", "A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A02010104");
        assertThat(items.find("A").orElseThrow().childrenComplete()).isTrue();
        assertThat(items.find("A02").orElseThrow().verified()).as("⚠ from memory until checked").isFalse();
        assertThat(items.lookup("A02010104").standing()).isEqualTo(ProcurementItems.Standing.LISTED);
        assertThat(items.lookup("A02010104").nearest().name()).isEqualTo("台式计算机");
        assertThat(items.trail("A02010104")).containsExactly("货物", "设备", "信息化设备", "计算机", "台式计算机");
        assertThat(items.lookup("A05040101").standing()).isEqualTo(ProcurementItems.Standing.UNDER_LISTED);
        assertThat(items.lookup("A09").standing()).isEqualTo(ProcurementItems.Standing.UNKNOWN);
        assertThat(items.lookup("C9").standing()).isEqualTo(ProcurementItems.Standing.MALFORMED);
    }

    @Test
    void itemsAreAddedUnderListedParentsOnce() {
        Actor admin = Actor.SYSTEM;
        ProcurementItems.ProcurementItem added = items.add("A0299", "测试品目（集成测试）", false, "ProcurementItemsIT", admin);
        assertThat(added.parentCode()).isEqualTo("A02");
        assertThat(items.lookup("A0299").standing()).isEqualTo(ProcurementItems.Standing.LISTED);
        assertThatThrownBy(() -> items.add("A0299", "再次", false, "ProcurementItemsIT", admin))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errorCode()).isEqualTo(CatalogError.DUPLICATE_ITEM));
        assertThatThrownBy(() -> items.add("A02999901", "无上级", false, "ProcurementItemsIT", admin))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errorCode()).isEqualTo(CatalogError.ITEM_PARENT_NOT_FOUND));
        assertThatThrownBy(() -> items.add("A", "顶级", false, "ProcurementItemsIT", admin))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errorCode()).isEqualTo(CatalogError.INVALID_ITEM_CODE));
    }

    @Test
    void aMallCategorysItemCodeIsCheckedAgainstTheCatalogue() {
        ApiClient api = new ApiClient(baseUrl());
        String token = api.token("centre");
        String suffix = String.valueOf(100000 + (int) (Math.random() * 899999));
        ApiClient.Response unknown = api.post("/api/v1/mall/categories", ApiClient.json(Map.of("code", "IT-" + suffix, "name",
                "不存在的品目" + suffix, "itemCode", "A09010101", "unit", "件", "attributes", List.of("规格"), "policy", "NONE")), token);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("MALL_ITEM_CODE_UNKNOWN");
        assertThat(unknown.json().path("detail").asString()).contains("A09010101").contains("货物");
        ApiClient.Response malformed = api.post("/api/v1/mall/categories", ApiClient.json(Map.of("code", "IT-" + suffix, "name",
                "格式不对" + suffix, "itemCode", "A0201010", "unit", "件", "attributes", List.of("规格"), "policy", "NONE")), token);
        assertThat(malformed.code()).isEqualTo("MALL_FIELD_INVALID");
        ApiClient.Response known = api.post("/api/v1/mall/categories", ApiClient.json(Map.of("code", "IT-" + suffix, "name",
                "便携式计算机" + suffix, "itemCode", "A02010105", "unit", "台", "attributes", List.of("CPU"), "policy", "NONE")), token);
        assertThat(known.status()).as(known.body()).isEqualTo(201);
    }
}
