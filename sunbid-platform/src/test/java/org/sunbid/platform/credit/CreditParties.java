package org.sunbid.platform.credit;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
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

    /**
     * Voids the records of {@code source} whose source reference is like {@code sourceRefLike} (SQL LIKE) and that are
     * not withdrawn yet: withdrawn from their start, so that they never applied. Every IT class shares one database, and
     * a record a test made (often on a demo organisation) would otherwise bar it in later tests; a test voids its own
     * records once it has checked them. Returns how many were voided.
     */
    public static int voidRecords(JdbcClient jdbc, String source, String sourceRefLike) {
        return jdbc.sql("""
                UPDATE credit_record SET withdrawn_at = COALESCE(restriction_from, created_at),
                    withdrawn_reason = 'test: voided after the test'
                WHERE source = :source AND source_ref LIKE :ref AND withdrawn_at IS NULL""")
                .param("source", source).param("ref", sourceRefLike).update();
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
