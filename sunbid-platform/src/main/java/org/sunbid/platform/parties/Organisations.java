package org.sunbid.platform.parties;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;

/**
 * The organisation register (单位库). Who may see an organisation: the administrator any; trading-centre staff and
 * supervisors those in their region's subtree; everybody else only their own. An organisation the caller may not see is
 * reported as not found, so its existence does not leak.
 */
@Service
public class Organisations {

    private static final String COLUMNS = "id, credit_code, name, kind, region_code, blacklisted";

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Clock clock;
    private final AuditLog log;

    Organisations(JdbcClient jdbc, Regions regions, Clock clock, AuditLog log) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.clock = clock;
        this.log = log;
    }

    /** What is needed to register an organisation. */
    public record Registration(String creditCode, String name, OrganisationKind kind, String regionCode) {
    }

    /**
     * Registers an organisation on behalf of {@code user}: the administrator anywhere, trading-centre staff in their
     * region's subtree; nobody else.
     */
    @Transactional
    public Organisation register(Registration registration, CurrentUser user) {
        boolean allowed = user.seesAllRegions()
                || (user.role() == Role.CENTRE_STAFF && registration.regionCode() != null
                        && regions.isWithin(registration.regionCode(), user.regionCode()));
        if (!allowed) {
            if (user.role() == Role.CENTRE_STAFF) {
                throw new DomainException(PartiesError.REGION_OUT_OF_SCOPE, String.valueOf(registration.regionCode()));
            }
            throw new DomainException(CommonError.FORBIDDEN);
        }
        return register(registration, user.actor());
    }

    /** Registers an organisation as {@code actor} without a scope check: for the system (start-up, demo data). */
    @Transactional
    public Organisation register(Registration registration, Actor actor) {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.of(registration.creditCode());
        regions.get(registration.regionCode());
        if (findByCreditCode(code).isPresent()) {
            throw new DomainException(PartiesError.DUPLICATE_ORGANISATION, code.value());
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            jdbc.sql("""
                    INSERT INTO organisation (id, credit_code, name, kind, region_code, created_at, created_by, updated_at, updated_by)
                    VALUES (:id, :code, :name, :kind, :region, :now, :actor, :now, :actor)""")
                    .param("id", id).param("code", code.value()).param("name", registration.name().strip())
                    .param("kind", registration.kind().name()).param("region", registration.regionCode())
                    .param("now", now).param("actor", actor.username())
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new DomainException(PartiesError.DUPLICATE_ORGANISATION, code.value());
        }
        log.record(AuditRecord.of("parties.organisation.registered", id.toString(), registration.regionCode(), actor,
                Map.of("creditCode", code.value(), "name", registration.name().strip(), "kind", registration.kind().name(),
                        "region", registration.regionCode())));
        return new Organisation(id, code, registration.name().strip(), registration.kind(), registration.regionCode(), false);
    }

    /** Puts an organisation on or off the blacklist (a flag until the credit context owns the rules). */
    @Transactional
    public void setBlacklisted(UUID id, boolean blacklisted, String reason, Actor actor) {
        int updated = jdbc.sql("UPDATE organisation SET blacklisted = :b, updated_at = :now, updated_by = :actor WHERE id = :id")
                .param("b", blacklisted).param("now", OffsetDateTime.now(clock)).param("actor", actor.username())
                .param("id", id).update();
        if (updated != 1) {
            throw new DomainException(PartiesError.ORGANISATION_NOT_FOUND, id);
        }
        Organisation o = find(id).orElseThrow();
        log.record(AuditRecord.of(blacklisted ? "parties.organisation.blacklisted" : "parties.organisation.unblacklisted",
                id.toString(), o.regionCode(), actor, Map.of("creditCode", o.creditCode().value(), "reason", reason)));
    }

    /** The organisation with {@code id} if {@code user} may see it; otherwise ORGANISATION_NOT_FOUND. */
    public Organisation get(UUID id, CurrentUser user) {
        return find(id).filter(o -> visible(o, user))
                .orElseThrow(() -> new DomainException(PartiesError.ORGANISATION_NOT_FOUND, String.valueOf(id)));
    }

    /** The organisation with {@code id}, without a scope check, for use by other contexts acting as the system. */
    public Optional<Organisation> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = :id").param("id", id)
                .query(Organisations::map).optional();
    }

    /**
     * The organisations with these ids (unknown ids left out), without a scope check: for other contexts naming the
     * parties of their own records (issue 15: they ask, they do not join {@code organisation}).
     */
    public List<Organisation> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = ANY(CAST(:ids AS UUID[]))")
                .param("ids", ids.stream().distinct().map(UUID::toString).toArray(String[]::new)).query(Organisations::map).list();
    }

    public Optional<Organisation> findByCreditCode(UnifiedSocialCreditCode code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE credit_code = :code").param("code", code.value())
                .query(Organisations::map).optional();
    }

    /**
     * The organisations {@code user} may see, optionally only of {@code kind} and within {@code regionCode}, by name.
     */
    /**
     * The organisation of {@code kind} serving region {@code regionCode}: the one in that region, else in the nearest
     * region above it (a county tender is supervised by the city if the county has no department of its own).
     */
    public Optional<Organisation> nearest(OrganisationKind kind, String regionCode) {
        // The region tree is catalog's: ask it for the way up, then look in our own table (issue 15).
        List<String> upwards = regions.find(regionCode).map(Region::upwards).orElse(List.of());
        if (upwards.isEmpty()) {
            return Optional.empty();
        }
        List<Organisation> candidates = jdbc.sql("SELECT " + COLUMNS
                        + " FROM organisation WHERE kind = :kind AND NOT blacklisted AND region_code = ANY(:regions) ORDER BY name")
                .param("kind", kind.name()).param("regions", upwards.toArray(String[]::new))
                .query(Organisations::map).list();
        // the nearest region first; among its organisations the first by name (min keeps the first of equals)
        return candidates.stream().min(Comparator.comparingInt(o -> upwards.indexOf(o.regionCode())));
    }

    /** Every tenderee: who may be named as the owner of a tender (tenderees are public in their notices). */
    public List<Organisation> tenderees() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE kind = 'TENDEREE' AND NOT blacklisted ORDER BY region_code, name")
                .query(Organisations::map).list();
    }

    public List<Organisation> visibleTo(CurrentUser user, OrganisationKind kind, String regionCode) {
        List<String> scope;
        if (user.seesAllRegions()) {
            scope = regionCode == null ? null : regions.subtreeCodes(regionCode);
        } else if (user.seesRegionSubtree()) {
            String root = regionCode != null && regions.isWithin(regionCode, user.regionCode()) ? regionCode : user.regionCode();
            scope = regions.subtreeCodes(root);
        } else {
            return user.organisationId() == null ? List.of()
                    : find(user.organisationId()).filter(o -> kind == null || o.kind() == kind).stream().toList();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation"
                        + " WHERE (CAST(:kind AS VARCHAR) IS NULL OR kind = :kind)"
                        + " AND (CAST(:unscoped AS BOOLEAN) OR region_code = ANY(:scope))"
                        + " ORDER BY region_code, name")
                .param("kind", kind == null ? null : kind.name())
                .param("unscoped", scope == null)
                .param("scope", scope == null ? new String[0] : scope.toArray(String[]::new))
                .query(Organisations::map).list();
    }

    /**
     * The supplier organisations (供应商, kind BIDDER) not barred, within {@code regionCode}'s subtree, or anywhere when
     * null, ordered by id: the platform's supplier database a purchaser may draw invitees from (87号令 Art. 14).
     */
    public List<Organisation> suppliers(String regionCode) {
        List<String> scope = regionCode == null ? null : regions.subtreeCodes(regionCode);
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE kind = 'BIDDER' AND NOT blacklisted"
                        + " AND (CAST(:unscoped AS BOOLEAN) OR region_code = ANY(:scope)) ORDER BY id")
                .param("unscoped", scope == null)
                .param("scope", scope == null ? new String[0] : scope.toArray(String[]::new))
                .query(Organisations::map).list();
    }

    /** How many organisations of each kind are registered: public statistics. */
    public Map<OrganisationKind, Long> countByKind() {
        Map<OrganisationKind, Long> counts = new EnumMap<>(OrganisationKind.class);
        for (OrganisationKind kind : OrganisationKind.values()) {
            counts.put(kind, 0L);
        }
        jdbc.sql("SELECT kind, count(*) AS n FROM organisation GROUP BY kind")
                .query((rs, i) -> counts.put(OrganisationKind.valueOf(rs.getString("kind")), rs.getLong("n"))).list();
        return counts;
    }

    private boolean visible(Organisation organisation, CurrentUser user) {
        if (user.seesAllRegions()) {
            return true;
        }
        if (user.seesRegionSubtree()) {
            return regions.isWithin(organisation.regionCode(), user.regionCode());
        }
        return organisation.id().equals(user.organisationId());
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        return new Organisation(rs.getObject("id", UUID.class), new UnifiedSocialCreditCode(rs.getString("credit_code")),
                rs.getString("name"), OrganisationKind.valueOf(rs.getString("kind")), rs.getString("region_code"),
                rs.getBoolean("blacklisted"));
    }
}
