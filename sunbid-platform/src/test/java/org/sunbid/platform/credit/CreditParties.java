package org.sunbid.platform.credit;

import java.util.UUID;

import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;

/**
 * Fresh bidder organisations for credit tests, each with one staff account: records made on them change nothing another
 * test class sees of the demo's organisations.
 */
public final class CreditParties {

    /** An organisation and the username of its staff account (password {@link PlatformIT#PASSWORD}). */
    public record Party(Organisation organisation, String username) {

        /** The organisation as a credit subject. */
        public CreditSubject subject() {
            return CreditSubject.organisation(organisation.creditCode().value());
        }
    }

    private CreditParties() {
    }

    /** A fresh bidder organisation {@code name} of {@code region} with one staff account. */
    public static Party party(Organisations organisations, Accounts accounts, String name, String region) {
        Organisation o = organisations.register(new Organisations.Registration(Fixtures.freshCreditCode(region), name,
                OrganisationKind.BIDDER, region), Actor.SYSTEM);
        String username = "cp" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new Accounts.NewAccount(username, "信用测试员", PlatformIT.PASSWORD, Role.BIDDER, o.id(), null), Actor.SYSTEM);
        return new Party(o, username);
    }
}
