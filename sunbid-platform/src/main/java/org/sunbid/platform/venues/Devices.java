package org.sunbid.platform.venues;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The sign-in readers in the rooms, registered by the centre's staff. A reader authenticates with a token shown once at
 * registration; only its SM3 hash is kept, compared in constant time.
 */
@Service
public class Devices {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Rooms rooms;

    Devices(JdbcClient jdbc, Clock clock, AuditLog log, Rooms rooms) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.rooms = rooms;
    }

    /** A registered reader with its token, which is never shown again. */
    public record RegisteredDevice(UUID id, UUID roomId, SignInReader.Method kind, String name, String token) {
    }

    /** A reader and its room. */
    public record DeviceRow(UUID id, UUID roomId, SignInReader.Method kind, String name, boolean active) {
    }

    /** The centre's staff register a reader in one of their rooms. Logged (without the token). */
    @Transactional
    public RegisteredDevice register(UUID roomId, SignInReader.Method kind, String name, CurrentUser user) {
        Rooms.RoomView room = rooms.get(roomId);
        if (!rooms.isStaffOf(room.regionCode(), user)) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        if (kind == null || name == null || name.isBlank() || name.length() > 100) {
            throw new DomainException(VenueError.VENUE_FIELD_INVALID, "kind, name");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO venue_device (id, room_id, kind, name, token_sm3, active, created_by, created_at)
                VALUES (:id, :room, :kind, :name, :sm3, TRUE, :by, :now)""")
                .param("id", id).param("room", roomId).param("kind", kind.name()).param("name", name.strip())
                .param("sm3", Sm3.hex(token)).param("by", user.username()).param("now", Bookings.utc(clock.instant())).update();
        log.record(AuditRecord.of("venues.device.registered", roomId.toString(), room.regionCode(), user.actor(),
                Map.of("deviceId", id.toString(), "kind", kind.name(), "name", name.strip())));
        return new RegisteredDevice(id, roomId, kind, name.strip(), token);
    }

    /** The active reader {@code id} if {@code token} is its token. */
    public Optional<DeviceRow> authenticate(UUID id, String token) {
        if (id == null || token == null || token.isBlank()) {
            return Optional.empty();
        }
        record Stored(DeviceRow row, String sm3) {
        }
        return jdbc.sql("SELECT id, room_id, kind, name, active, token_sm3 FROM venue_device WHERE id = :id AND active")
                .param("id", id)
                .query((rs, i) -> new Stored(new DeviceRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        SignInReader.Method.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5)), rs.getString(6)))
                .optional()
                .filter(s -> java.security.MessageDigest.isEqual(s.sm3().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        Sm3.hex(token.strip()).getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .map(Stored::row);
    }
}
