package org.sunbid.platform.deals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sunbid.platform.kernel.Money;

/**
 * A trading project (交易项目) with its lots.
 *
 * @param id            the project's id
 * @param dealCode      统一交易标识码: {@code KIND-<platform credit code>-<yyyyMMdd>-<serial>}
 * @param kind          the kind of deal
 * @param procedureCode the procedure it runs, e.g. {@code ZFCG_OPEN_TENDER}
 * @param name          项目名称
 * @param regionCode    the region it belongs to
 * @param ownerId       招标人/采购人/出让人/转让方
 * @param agencyId      the agency acting for the owner, or null
 * @param budget        估算价 / 采购预算 / 底价
 * @param priceCap      最高限价, or null
 * @param category      works, goods or services
 * @param itemCode      政府采购品目, or null
 * @param createdAt     when it was registered
 * @param lots          its lots in order
 */
public record ProjectView(UUID id, String dealCode, DealKind kind, String procedureCode, String name, String regionCode,
        UUID ownerId, UUID agencyId, Money budget, Money priceCap, ProjectCategory category, String itemCode,
        Instant createdAt, List<LotView> lots) {

    public ProjectView {
        lots = List.copyOf(lots);
    }
}
