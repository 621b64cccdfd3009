package org.sunbid.platform.parties;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;

/**
 * Organisations' basic accounts (基本账户, Reg. 26). Only an organisation's own staff register or change it; whoever may
 * see the organisation (its own staff, the region's centre staff and supervisors, the administrator) sees it and its
 * history. One current account per organisation; a change keeps the old one with when and by whom it was replaced,
 * so {@link #at} answers which was current when a deposit was booked.
 */
@Service
public class BasicAccounts {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final AuditLog log;
    private final Clock clock;

    BasicAccounts(JdbcClient jdbc, Organisations organisations, AuditLog log, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.log = log;
        this.clock = clock;
    }

    /** The organisation's basic accounts, current first, then the older ones newest first; for those who may see it. */
    public List<BasicAccount> history(UUID organisationId, CurrentUser user) {
        organisations.get(organisationId, user);
        return jdbc.sql("SELECT * FROM basic_account WHERE organisation_id = :o ORDER BY valid_until DESC NULLS FIRST, valid_from DESC")
                .param("o", organisationId).query(BasicAccounts::map).list();
    }

    /** The organisation's current basic account, for those who may see the organisation. */
    public Optional<BasicAccount> current(UUID organisationId, CurrentUser user) {
        return history(organisationId, user).stream().filter(BasicAccount::current).findFirst();
    }

    /** The basic account that was current at {@code at}, without a scope check: for other contexts acting as the system. */
    public Optional<BasicAccount> at(UUID organisationId, Instant at) {
        OffsetDateTime t = at.atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                SELECT * FROM basic_account WHERE organisation_id = :o AND valid_from <= :t AND (valid_until IS NULL OR valid_until > :t)""")
                .param("o", organisationId).param("t", t).query(BasicAccounts::map).optional();
    }

    /**
     * Registers {@code accountNumber} at {@code bankName} as the organisation's basic account, replacing the current
     * one. Only the organisation's own staff: anyone else who may see the organisation is refused (FORBIDDEN), anyone
     * who may not gets ORGANISATION_NOT_FOUND. A malformed number or bank name changes nothing.
     */
    @Transactional
    public BasicAccount register(UUID organisationId, String bankName, String accountNumber, CurrentUser user) {
        organisations.get(organisationId, user);
        if (user.organisationId() == null || !user.organisationId().equals(organisationId)) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        return register(organisationId, bankName, accountNumber, user.actor());
    }

    /** Registers a basic account as {@code actor} without a scope check: for the system (demo data). */
    @Transactional
    public BasicAccount register(UUID organisationId, String bankName, String accountNumber, Actor actor) {
        String number = BasicAccount.normalise(accountNumber);
        if (number == null) {
            throw new DomainException(PartiesError.BASIC_ACCOUNT_NUMBER_INVALID, BasicAccount.MIN_DIGITS, BasicAccount.MAX_DIGITS);
        }
        String bank = BasicAccount.bankName(bankName);
        if (bank == null) {
            throw new DomainException(PartiesError.BASIC_ACCOUNT_BANK_INVALID, BasicAccount.MAX_BANK_NAME);
        }
        Organisation organisation = jdbc.sql("SELECT id FROM organisation WHERE id = :id FOR UPDATE").param("id", organisationId)
                .query(UUID.class).optional().flatMap(organisations::find)
                .orElseThrow(() -> new DomainException(PartiesError.ORGANISATION_NOT_FOUND, String.valueOf(organisationId)));
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Optional<BasicAccount> current = at(organisationId, now.toInstant()).filter(BasicAccount::current);
        if (current.isPresent() && current.get().accountNumber().equals(number) && current.get().bankName().equals(bank)) {
            return current.get(); // the same again: nothing to change
        }
        jdbc.sql("UPDATE basic_account SET valid_until = :now, superseded_by = :actor WHERE organisation_id = :o AND valid_until IS NULL")
                .param("now", now).param("actor", actor.username()).param("o", organisationId).update();
        jdbc.sql("""
                INSERT INTO basic_account (id, organisation_id, bank_name, account_number, valid_from, created_by)
                VALUES (:id, :o, :bank, :number, :now, :actor)""")
                .param("id", UUID.randomUUID()).param("o", organisationId).param("bank", bank).param("number", number)
                .param("now", now).param("actor", actor.username()).update();
        // The public log says that it changed, showing only the number's last four digits (a hash of so few digits
        // would hide nothing).
        log.record(AuditRecord.of("parties.organisation.basic-account", organisationId.toString(), organisation.regionCode(),
                actor, Map.of("bank", bank, "accountTail", number.substring(number.length() - 4), "replaced", current.isPresent())));
        return new BasicAccount(organisationId, bank, number, now.toInstant(), actor.username(), null, null);
    }

    private static BasicAccount map(ResultSet rs, int i) throws SQLException {
        OffsetDateTime until = rs.getObject("valid_until", OffsetDateTime.class);
        return new BasicAccount(rs.getObject("organisation_id", UUID.class), rs.getString("bank_name"),
                rs.getString("account_number"), rs.getObject("valid_from", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"), until == null ? null : until.toInstant(), rs.getString("superseded_by"));
    }
}
