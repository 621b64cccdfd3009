package org.sunbid.platform.supervision;

import java.util.UUID;

import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;

/**
 * Two county supervisors of the demo's city, made once per test run through the platform's own services: the
 * supervision department of 青山县 (990121) with {@link #QINGSHAN}, and that of its sibling 临江县 (990122) with
 * {@link #LINJIANG}. The demo's {@code supervisor} is the city's (990100), whose subtree holds both.
 */
public final class WarningRegions {

    public static final String QINGSHAN = "w-qs-supervisor";
    public static final String LINJIANG = "w-lj-supervisor";

    private WarningRegions() {
    }

    /** Makes the two accounts once (later calls find them made). */
    public static synchronized void ensure(Organisations organisations, Accounts accounts) {
        if (accounts.findByUsername(QINGSHAN).isPresent()) {
            return;
        }
        supervisor(organisations, accounts, "990121", "青山县发展和改革局", QINGSHAN, "青山监督员");
        supervisor(organisations, accounts, "990122", "临江县发展和改革局", LINJIANG, "临江监督员");
    }

    private static void supervisor(Organisations organisations, Accounts accounts, String region, String name, String username,
            String person) {
        UUID department = organisations.register(new Organisations.Registration(Fixtures.freshCreditCode(region), name,
                OrganisationKind.SUPERVISION_DEPARTMENT, region), Actor.SYSTEM).id();
        accounts.create(new Accounts.NewAccount(username, person, PlatformIT.PASSWORD, Role.SUPERVISOR, department, region),
                Actor.SYSTEM);
    }
}
