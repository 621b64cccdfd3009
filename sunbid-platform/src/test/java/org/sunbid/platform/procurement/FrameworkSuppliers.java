package org.sunbid.platform.procurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sunbid.platform.Fixtures;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;

/**
 * Fresh supplier organisations of 990100 with one bidder account each, for the framework tests: every test class
 * registers its own, so that none shares a response, a shortlist place or an offer with another.
 *
 * @param prefix the accounts' username prefix (distinct per test class)
 */
record FrameworkSuppliers(String prefix) {

    /** Registers {@code count} suppliers named {@code name}1…{@code name}count (公司 appended), with their accounts. */
    List<Organisation> register(Organisations organisations, Accounts accounts, int count, String name, String password) {
        List<Organisation> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Organisation o = organisations.register(new Organisations.Registration(Fixtures.freshCreditCode("990100"),
                    name + i + "有限公司", OrganisationKind.BIDDER, "990100"), Actor.SYSTEM);
            accounts.create(new Accounts.NewAccount(username(o), "供应商" + i + "经办人", password, Role.BIDDER, o.id(), null),
                    Actor.SYSTEM);
            out.add(o);
        }
        return out;
    }

    /** The username of supplier {@code o}'s account. */
    String username(Organisation o) {
        return prefix + o.creditCode().value().substring(10).toLowerCase(Locale.ROOT);
    }
}
