package org.sunbid.platform.venues;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;

/**
 * The trading centre's rooms per region, maintained by the centre's staff of that region (or the administrator). Anyone
 * signed in may list the rooms of a region and of the regions above it (a county's lots use the city's centre).
 */
@Service
public class Rooms {

    static final String COLUMNS = "id, region_code, name, kind, isolated, capacity, serves_region, active";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Regions regions;

    Rooms(JdbcClient jdbc, Clock clock, AuditLog log, Regions regions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.regions = regions;
    }

    /**
     * A room.
     *
     * @param servesRegion for a remote seat, the region whose drawn experts it seats, else null
     */
    public record RoomView(UUID id, String regionCode, String name, RoomKind kind, boolean isolated, int capacity,
            String servesRegion, boolean active) {
    }

    /** A room to add or the new state of one. */
    public record RoomInput(String regionCode, String name, RoomKind kind, Boolean isolated, Integer capacity, String servesRegion,
            Boolean active) {
    }

    /** Adds a room to the centre of {@code input.regionCode()} (the caller's region if null). Logged. */
    @Transactional
    public RoomView add(RoomInput input, CurrentUser user) {
        String region = input.regionCode() == null || input.regionCode().isBlank() ? user.regionCode() : input.regionCode();
        requireStaffOf(region, user);
        validate(input);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            jdbc.sql("""
                    INSERT INTO venue_room (id, region_code, name, kind, isolated, capacity, serves_region, active,
                        created_by, created_at, changed_by, changed_at)
                    VALUES (:id, :region, :name, :kind, :isolated, :capacity, :serves, TRUE, :by, :now, :by, :now)""")
                    .param("id", id).param("region", region).param("name", input.name().strip()).param("kind", input.kind().name())
                    .param("isolated", Boolean.TRUE.equals(input.isolated())).param("capacity", input.capacity())
                    .param("serves", blankToNull(input.servesRegion())).param("by", user.username()).param("now", now).update();
        } catch (DuplicateKeyException e) {
            throw new DomainException(VenueError.VENUE_FIELD_INVALID, "name");
        }
        RoomView room = get(id);
        log.record(AuditRecord.of("venues.room.added", id.toString(), region, user.actor(), payload(room)));
        return room;
    }

    /** Changes a room (name, isolation, capacity, whether it may be booked). Logged. */
    @Transactional
    public RoomView change(UUID id, RoomInput input, CurrentUser user) {
        RoomView room = get(id);
        requireStaffOf(room.regionCode(), user);
        RoomInput merged = new RoomInput(room.regionCode(), input.name() == null ? room.name() : input.name(),
                input.kind() == null ? room.kind() : input.kind(), input.isolated() == null ? room.isolated() : input.isolated(),
                input.capacity() == null ? room.capacity() : input.capacity(),
                input.servesRegion() == null ? room.servesRegion() : input.servesRegion(),
                input.active() == null ? room.active() : input.active());
        validate(merged);
        jdbc.sql("""
                UPDATE venue_room SET name = :name, kind = :kind, isolated = :isolated, capacity = :capacity,
                    serves_region = :serves, active = :active, changed_by = :by, changed_at = :now WHERE id = :id""")
                .param("name", merged.name().strip()).param("kind", merged.kind().name()).param("isolated", merged.isolated())
                .param("capacity", merged.capacity()).param("serves", blankToNull(merged.servesRegion()))
                .param("active", merged.active()).param("by", user.username())
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", id).update();
        RoomView changed = get(id);
        log.record(AuditRecord.of("venues.room.changed", id.toString(), changed.regionCode(), user.actor(), payload(changed)));
        return changed;
    }

    /** The rooms usable for lots of {@code regionCode}: those of the region and of every region above it. */
    public List<RoomView> usableFor(String regionCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM venue_room ORDER BY region_code, kind, name").query(Rooms::map).list()
                .stream().filter(r -> regions.isWithin(regionCode, r.regionCode())).toList();
    }

    /** The rooms of {@code regionCode} and of the regions inside it (every room when {@code all}), for its staff. */
    public List<RoomView> within(String regionCode, boolean all) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM venue_room ORDER BY region_code, kind, name").query(Rooms::map).list()
                .stream().filter(r -> all || regions.isWithin(r.regionCode(), regionCode)).toList();
    }

    /** The room {@code id}. */
    public RoomView get(UUID id) {
        return find(id).orElseThrow(() -> new DomainException(VenueError.ROOM_NOT_FOUND));
    }

    /** The room {@code id}, if any. */
    public Optional<RoomView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM venue_room WHERE id = :id").param("id", id).query(Rooms::map).optional();
    }

    /** Whether {@code user} is staff of the centre of {@code regionCode} or above it (or the administrator). */
    boolean isStaffOf(String regionCode, CurrentUser user) {
        return user != null && (user.role() == Role.ADMINISTRATOR
                || user.role() == Role.CENTRE_STAFF && regions.isWithin(regionCode, user.regionCode()));
    }

    private void requireStaffOf(String regionCode, CurrentUser user) {
        if (!isStaffOf(regionCode, user)) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
    }

    private void validate(RoomInput input) {
        if (input.name() == null || input.name().isBlank() || input.name().length() > 100) {
            throw new DomainException(VenueError.VENUE_FIELD_INVALID, "name");
        }
        if (input.kind() == null) {
            throw new DomainException(VenueError.VENUE_FIELD_INVALID, "kind");
        }
        if (input.capacity() == null || input.capacity() < 1 || input.capacity() > 1000) {
            throw new DomainException(VenueError.VENUE_FIELD_INVALID, "capacity");
        }
        if (Boolean.TRUE.equals(input.isolated()) && input.kind() != RoomKind.EVALUATION_ROOM) {
            throw new DomainException(VenueError.VENUE_FIELD_INVALID, "isolated");
        }
        String serves = blankToNull(input.servesRegion());
        if (serves != null && (input.kind() != RoomKind.REMOTE_SEAT || regions.find(serves).isEmpty())) {
            throw new DomainException(VenueError.VENUE_FIELD_INVALID, "servesRegion");
        }
    }

    private static Map<String, Object> payload(RoomView r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", r.name());
        p.put("kind", r.kind().name());
        p.put("isolated", r.isolated());
        p.put("capacity", (long) r.capacity());
        p.put("servesRegion", r.servesRegion());
        p.put("active", r.active());
        return p;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static RoomView map(ResultSet rs, int row) throws SQLException {
        return new RoomView(rs.getObject("id", UUID.class), rs.getString("region_code"), rs.getString("name"),
                RoomKind.valueOf(rs.getString("kind")), rs.getBoolean("isolated"), rs.getInt("capacity"),
                rs.getString("serves_region"), rs.getBoolean("active"));
    }
}
