package org.sunbid.platform.supervision;

import java.util.UUID;

import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.catalog.RegionLevel;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;

/**
 * Two sibling test counties of the demo's city (990100), each with its own supervision department and supervisor, made
 * once per test run through the platform's own services: {@link #COUNTY} (with a township and a village) supervised by
 * {@link #QINGSHAN}, and {@link #SIBLING} (with a township) supervised by {@link #LINJIANG}. The demo's {@code
 * supervisor} is the city's, whose subtree holds both.
 *
 * <p>They are counties of their own, not the demo's 青山县 and 临江县: a supervision department there would become the
 * nearest department of the demo's county deals (complaints, filings, tender key custodians) for every later test.
 */
public final class WarningRegions {

    public static final String QINGSHAN = "w-qs-supervisor";
    public static final String LINJIANG = "w-lj-supervisor";

    /** 监督测试甲县, supervised by {@link #QINGSHAN}. */
    public static final String COUNTY = "990191";
    /** A township of {@link #COUNTY}. */
    public static final String TOWNSHIP = "990191100";
    /** A village of {@link #TOWNSHIP}. */
    public static final String VILLAGE = "990191100201";
    /** 监督测试乙县, the sibling county, supervised by {@link #LINJIANG}. */
    public static final String SIBLING = "990192";
    /** A township of {@link #SIBLING}. */
    public static final String SIBLING_TOWNSHIP = "990192100";

    private WarningRegions() {
    }

    /** Makes the regions and the two accounts once (later calls find them made). */
    public static synchronized void ensure(Regions regions, Organisations organisations, Accounts accounts) {
        if (accounts.findByUsername(QINGSHAN).isPresent()) {
            return;
        }
        regions.create(COUNTY, "监督测试甲县", RegionLevel.COUNTY, "990100", Actor.SYSTEM);
        regions.create(TOWNSHIP, "甲县城关镇", RegionLevel.TOWNSHIP, COUNTY, Actor.SYSTEM);
        regions.create(VILLAGE, "甲县东关村", RegionLevel.VILLAGE, TOWNSHIP, Actor.SYSTEM);
        regions.create(SIBLING, "监督测试乙县", RegionLevel.COUNTY, "990100", Actor.SYSTEM);
        regions.create(SIBLING_TOWNSHIP, "乙县城关镇", RegionLevel.TOWNSHIP, SIBLING, Actor.SYSTEM);
        supervisor(organisations, accounts, COUNTY, "监督测试甲县发展和改革局", QINGSHAN, "甲县监督员");
        supervisor(organisations, accounts, SIBLING, "监督测试乙县发展和改革局", LINJIANG, "乙县监督员");
    }

    private static void supervisor(Organisations organisations, Accounts accounts, String region, String name, String username,
            String person) {
        UUID department = organisations.register(new Organisations.Registration(Fixtures.freshCreditCode(region), name,
                OrganisationKind.SUPERVISION_DEPARTMENT, region), Actor.SYSTEM).id();
        accounts.create(new Accounts.NewAccount(username, person, PlatformIT.PASSWORD, Role.SUPERVISOR, department, region),
                Actor.SYSTEM);
    }
}
