package org.sunbid.platform.parties;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;

/**
 * Accounts of people who log in. A role that acts for an organisation needs an organisation of the matching kind,
 * and the account then belongs to that organisation's region.
 */
@Service
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Regions regions;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AuditLog log;

    Accounts(JdbcClient jdbc, Organisations organisations, Regions regions, PasswordEncoder passwords, Clock clock,
            AuditLog log) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.regions = regions;
        this.passwords = passwords;
        this.clock = clock;
        this.log = log;
    }

    /**
     * A new account. {@code regionCode} is required only without an organisation; with one, the organisation's region
     * is used.
     */
    public record NewAccount(String username, String displayName, String password, Role role, UUID organisationId,
            String regionCode) {
    }

    /** Creates an account and returns its id. */
    @Transactional
    public UUID create(NewAccount account, Actor actor) {
        String username = account.username() == null ? "" : account.username().strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(username).matches() || account.password() == null || account.password().length() < 10) {
            throw new DomainException(CommonError.VALIDATION_FAILED);
        }
        String region = account.regionCode();
        if (account.organisationId() != null) {
            Organisation organisation = organisations.find(account.organisationId())
                    .orElseThrow(() -> new DomainException(PartiesError.ORGANISATION_NOT_FOUND, account.organisationId()));
            if (!fits(account.role(), organisation.kind())) {
                throw new DomainException(CommonError.VALIDATION_FAILED);
            }
            region = organisation.regionCode();
        } else if (account.role() != Role.ADMINISTRATOR && account.role() != Role.EXPERT) {
            throw new DomainException(CommonError.VALIDATION_FAILED);
        }
        regions.get(region);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            jdbc.sql("""
                    INSERT INTO account (id, username, display_name, password_hash, role, organisation_id, region_code,
                                         created_at, created_by, updated_at, updated_by)
                    VALUES (:id, :username, :name, :hash, :role, :org, :region, :now, :actor, :now, :actor)""")
                    .param("id", id).param("username", username).param("name", account.displayName())
                    .param("hash", passwords.encode(account.password())).param("role", account.role().name())
                    .param("org", account.organisationId()).param("region", region)
                    .param("now", now).param("actor", actor.username())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DomainException(PartiesError.DUPLICATE_USERNAME, username);
        }
        java.util.Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("username", username);
        payload.put("role", account.role().name());
        payload.put("organisationId", account.organisationId() == null ? null : account.organisationId().toString());
        payload.put("region", region);
        log.record(AuditRecord.of("parties.account.created", id.toString(), region, actor, payload));
        return id;
    }

    /** The account with {@code username} as a {@link CurrentUser}, if it exists. */
    public Optional<CurrentUser> findByUsername(String username) {
        return jdbc.sql("""
                SELECT id, username, display_name, role, organisation_id, region_code FROM account WHERE username = :u""")
                .param("u", username.toLowerCase(java.util.Locale.ROOT))
                .query((rs, i) -> new CurrentUser(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        rs.getObject("organisation_id", UUID.class), rs.getString("region_code")))
                .optional();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
    }

    private static boolean fits(Role role, OrganisationKind kind) {
        return switch (role) {
            case CENTRE_STAFF -> kind == OrganisationKind.TRADING_CENTRE;
            case TENDEREE -> kind == OrganisationKind.TENDEREE;
            case AGENCY -> kind == OrganisationKind.AGENCY || kind == OrganisationKind.INTERMEDIARY;
            case BIDDER -> kind == OrganisationKind.BIDDER;
            case SUPERVISOR -> kind == OrganisationKind.SUPERVISION_DEPARTMENT;
            case EXPERT -> true;
            case ADMINISTRATOR -> false;
        };
    }

    /** Who an account is, as other contexts may name it: its id, login name and display name. */
    public record AccountName(UUID id, String username, String displayName) {
    }

    /** The names of the accounts with {@code ids} (unknown ids are left out), for other contexts (read-only). */
    public java.util.List<AccountName> names(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.List.of();
        }
        return jdbc.sql("SELECT id, username, display_name FROM account WHERE id IN (:ids)")
                .param("ids", ids.stream().distinct().toList())
                .query((rs, i) -> new AccountName(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
    }

    /** The accounts whose display name is exactly {@code displayName}, for other contexts (read-only). */
    public java.util.List<UUID> idsByDisplayName(String displayName) {
        return jdbc.sql("SELECT id FROM account WHERE display_name = :n").param("n", displayName).query(UUID.class).list();
    }
}
