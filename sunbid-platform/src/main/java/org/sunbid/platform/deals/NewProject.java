package org.sunbid.platform.deals;

import java.util.List;
import java.util.UUID;

import org.sunbid.platform.kernel.Money;

/**
 * What registering a project takes; checked by {@link Projects#register}.
 *
 * @param kind          GCJS, ZFCG, TDSYQ, KYQ or GYCQ (an unknown one is refused with {@code DEALS_UNKNOWN_KIND})
 * @param procedureCode a procedure of that kind the platform can run
 * @param name          项目名称, 1–200 characters
 * @param regionCode    the project's region
 * @param ownerId       the owner organisation
 * @param agencyId      the agency, or null
 * @param budget        the budget or estimated price, positive
 * @param priceCap      最高限价, or null; never above the budget
 * @param category      works, goods or services
 * @param itemCode      政府采购品目, or null
 * @param lots          at least one
 */
public record NewProject(String kind, String procedureCode, String name, String regionCode, UUID ownerId, UUID agencyId,
        Money budget, Money priceCap, ProjectCategory category, String itemCode, List<NewLot> lots) {

    /**
     * A lot to register.
     *
     * @param id     its id: the tender's id where a tender runs it; null for a new one
     * @param name   e.g. 采购包1
     * @param budget its own budget, positive
     */
    public record NewLot(UUID id, String name, Money budget) {
    }
}
