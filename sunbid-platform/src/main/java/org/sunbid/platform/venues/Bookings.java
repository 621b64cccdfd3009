package org.sunbid.platform.venues;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.supervision.WarningDraft;
import org.sunbid.platform.supervision.Warnings;
import org.sunbid.platform.tendering.BidDeadlineMoved;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * Bookings of rooms for a lot's opening and evaluation by its owner or agency. The opening starts at the bid deadline
 * (招标投标法 Art. 34: 开标应当在招标文件确定的提交投标文件截止时间的同一时间公开进行); the evaluation starts no earlier. A
 * room is never booked twice for overlapping times: PostgreSQL's exclusion constraint {@code venue_booking_no_overlap}
 * decides between concurrent callers, the loser gets {@link VenueError#ROOM_TAKEN}. When tendering moves the deadline
 * the bookings follow it if their rooms are free at the new times, and are flagged (for the owner, the centre's staff
 * and the supervisors' warning queue) otherwise.
 */
@Service
public class Bookings {

    /** The longest session a booking may hold a room for. */
    static final Duration LONGEST_OPENING = Duration.ofHours(12);
    static final Duration LONGEST_EVALUATION = Duration.ofDays(3);
    static final Duration DEFAULT_OPENING = Duration.ofHours(2);
    /**
     * The latest start of an evaluation after the bid deadline. The committee evaluates right after the opening
     * (Regulation 46 ff.); 30 days leaves room for a postponed evaluation while no one holds a room for months.
     */
    static final Duration LATEST_EVALUATION_START = Duration.ofDays(30);

    private static final String SELECT = """
            SELECT b.id, b.lot_id, b.purpose, b.starts_at, b.ends_at, b.deadline_basis, b.status, b.flag_reason, b.wanted_start,
                b.wanted_end, b.created_by, r.id AS room_id, r.region_code, r.name, r.kind, r.isolated, r.capacity, r.serves_region,
                r.active
            FROM venue_booking b JOIN venue_room r ON r.id = b.room_id""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Rooms rooms;
    private final Tenders tenders;
    private final Regions regions;
    private final Warnings warnings;
    private final TransactionTemplate savepoint;

    Bookings(JdbcClient jdbc, Clock clock, AuditLog log, Rooms rooms, Tenders tenders, Regions regions, Warnings warnings,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.rooms = rooms;
        this.tenders = tenders;
        this.regions = regions;
        this.warnings = warnings;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * What to book: the room, what for, and the times (for an opening the start defaults to the bid deadline and the
     * end to two hours later).
     */
    public record BookingRequest(UUID roomId, BookingPurpose purpose, Instant startsAt, Instant endsAt) {
    }

    /** The lot's owner or agency books a room for its opening or evaluation. Logged with the lot as subject. */
    @Transactional
    public BookingView book(UUID lotId, BookingRequest request, CurrentUser user) {
        TenderView lot = ownedLot(lotId, user);
        if (request == null || request.roomId() == null || request.purpose() == null) {
            throw new DomainException(VenueError.VENUE_FIELD_INVALID, "roomId, purpose");
        }
        Rooms.RoomView room = rooms.find(request.roomId()).filter(r -> regions.isWithin(lot.regionCode(), r.regionCode()))
                .orElseThrow(() -> new DomainException(VenueError.ROOM_NOT_FOUND));
        if (!room.active()) {
            throw new DomainException(VenueError.ROOM_UNSUITABLE, "停用");
        }
        boolean suits = request.purpose() == BookingPurpose.OPENING ? room.kind() == RoomKind.OPENING_HALL
                : room.kind() != RoomKind.OPENING_HALL;
        if (!suits) {
            throw new DomainException(VenueError.ROOM_UNSUITABLE, room.kind().name() + " ≠ " + request.purpose().name());
        }
        Instant deadline = lot.bidDeadline();
        Instant start = request.startsAt() != null ? request.startsAt()
                : request.purpose() == BookingPurpose.OPENING ? deadline : null;
        Instant end = request.endsAt() != null ? request.endsAt()
                : request.purpose() == BookingPurpose.OPENING && start != null ? start.plus(DEFAULT_OPENING) : null;
        checkTimes(request.purpose(), deadline, start, end, clock.instant());
        overlapping(room.id(), start, end, null).ifPresent(other -> {
            throw new DomainException(VenueError.ROOM_TAKEN, room.name(), other.startsAt(), other.endsAt());
        });
        live(lotId, request.purpose()).ifPresent(existing -> { // one per lot and purpose: no hoarding of rooms
            throw new DomainException(VenueError.BOOKING_EXISTS, request.purpose().name(), existing.room().name(), existing.id());
        });
        UUID id = UUID.randomUUID();
        OffsetDateTime now = utc(clock.instant());
        try {
            jdbc.sql("""
                    INSERT INTO venue_booking (id, room_id, lot_id, region_code, purpose, starts_at, ends_at, deadline_basis, status,
                        organisation_id, created_by, created_at, changed_by, changed_at)
                    VALUES (:id, :room, :lot, :region, :purpose, :start, :end, :basis, 'BOOKED', :org, :by, :now, :by, :now)""")
                    .param("id", id).param("room", room.id()).param("lot", lotId).param("region", lot.regionCode())
                    .param("purpose", request.purpose().name()).param("start", utc(start)).param("end", utc(end))
                    .param("basis", utc(deadline)).param("org", user.organisationId()).param("by", user.username())
                    .param("now", now).update();
        } catch (DataAccessException e) {
            if (isExclusion(e)) { // a concurrent booking of the same room committed first
                throw new DomainException(VenueError.ROOM_TAKEN, room.name(), start, end);
            }
            if (isState(e, "23505")) { // a concurrent booking for the same lot and purpose committed first
                throw new DomainException(VenueError.BOOKING_EXISTS, request.purpose().name(), room.name(), "");
            }
            throw e;
        }
        BookingView booking = get(id);
        append("venues.booking.made", booking, lot.regionCode(), user.actor(), payload(booking));
        return booking;
    }

    /** The lot's owner or agency (or the centre's staff) releases a booking. Logged. */
    @Transactional
    public BookingView cancel(UUID bookingId, CurrentUser user) {
        BookingView booking = find(bookingId).orElseThrow(() -> new DomainException(VenueError.BOOKING_NOT_FOUND));
        boolean owner = tenders.owns(booking.lotId(), user);
        if (!owner && !rooms.isStaffOf(booking.room().regionCode(), user)) {
            throw new DomainException(VenueError.BOOKING_NOT_FOUND);
        }
        if (booking.status() == BookingStatus.CANCELLED) {
            throw new DomainException(VenueError.BOOKING_CANCELLED);
        }
        jdbc.sql("UPDATE venue_booking SET status = 'CANCELLED', changed_by = :by, changed_at = :now WHERE id = :id")
                .param("by", user.username()).param("now", utc(clock.instant())).param("id", bookingId).update();
        BookingView cancelled = get(bookingId);
        append("venues.booking.cancelled", cancelled, regionOf(booking), user.actor(), payload(cancelled));
        return cancelled;
    }

    /** The lot's bookings, for its owner and agency, the centre's staff and supervisors of its region. */
    public List<BookingView> ofLot(UUID lotId, CurrentUser user) {
        TenderView lot = tenders.find(lotId).orElseThrow(() -> new DomainException(VenueError.BOOKING_NOT_FOUND));
        if (!maySee(lot, user)) {
            throw new DomainException(VenueError.BOOKING_NOT_FOUND);
        }
        return ofLot(lotId);
    }

    /** The lot's bookings, cancelled ones last, as the platform reads them. */
    public List<BookingView> ofLot(UUID lotId) {
        return jdbc.sql(SELECT + " WHERE b.lot_id = :lot ORDER BY b.status = 'CANCELLED', b.starts_at, b.id").param("lot", lotId)
                .query(Bookings::map).list();
    }

    /**
     * The bookings the caller sees across lots: the staff and supervisors those of their region's subtree (only the
     * flagged ones when {@code flaggedOnly}), an owner or agency those it made.
     */
    public List<BookingView> visibleTo(CurrentUser user, boolean flaggedOnly) {
        String status = flaggedOnly ? " AND b.status = 'FLAGGED'" : " AND b.status <> 'CANCELLED'";
        if (user.seesAllRegions() || user.seesRegionSubtree()) {
            return jdbc.sql(SELECT + " WHERE TRUE" + status + " ORDER BY b.starts_at, b.id LIMIT 500").query(Bookings::map).list()
                    .stream().filter(b -> user.seesAllRegions() || regions.isWithin(regionOf(b), user.regionCode())).toList();
        }
        if ((user.role() == Role.TENDEREE || user.role() == Role.AGENCY) && user.organisationId() != null) {
            return jdbc.sql(SELECT + " WHERE b.organisation_id = :org" + status + " ORDER BY b.starts_at, b.id LIMIT 500")
                    .param("org", user.organisationId()).query(Bookings::map).list().stream()
                    .filter(b -> tenders.owns(b.lotId(), user)).toList();
        }
        return List.of();
    }

    /** The booking {@code id}. */
    public Optional<BookingView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE b.id = :id").param("id", id).query(Bookings::map).optional();
    }

    /** The session (non-cancelled booking) of {@code roomId} at {@code at}, if any. */
    Optional<BookingView> sessionAt(UUID roomId, Instant at) {
        return jdbc.sql(SELECT + " WHERE b.room_id = :room AND b.status <> 'CANCELLED' AND b.during @> CAST(:at AS TIMESTAMPTZ)")
                .param("room", roomId).param("at", utc(at)).query(Bookings::map).optional();
    }

    /**
     * Tendering moved a lot's deadline: each live booking of the lot moves by the same amount (the opening to the new
     * deadline) if its room is free then, and is flagged otherwise — keeping its old times, so the room is not lost
     * while a person decides. Delivered twice, the second delivery changes nothing (the booking's deadline basis is
     * already the new deadline, or the booking is already flagged for the same times).
     */
    @ApplicationModuleListener
    void on(BidDeadlineMoved moved) {
        for (BookingView b : ofLot(moved.tenderId())) {
            if (b.status() == BookingStatus.CANCELLED) {
                continue;
            }
            if (b.deadlineBasis().equals(moved.to())) { // back to the times the booking holds: a flag is void
                if (b.status() == BookingStatus.FLAGGED) {
                    unflag(b, moved);
                }
                continue;
            }
            Duration shift = Duration.between(b.deadlineBasis(), moved.to());
            Instant start = b.startsAt().plus(shift);
            Instant end = b.endsAt().plus(shift);
            if (b.status() == BookingStatus.FLAGGED && start.equals(b.wantedStart())) {
                continue;
            }
            boolean free = overlapping(b.room().id(), start, end, b.id()).isEmpty() && Boolean.TRUE.equals(savepoint.execute(s -> {
                try {
                    jdbc.sql("""
                            UPDATE venue_booking SET starts_at = :start, ends_at = :end, deadline_basis = :basis, status = 'BOOKED',
                                flag_reason = NULL, wanted_start = NULL, wanted_end = NULL, changed_by = 'system', changed_at = :now
                            WHERE id = :id""")
                            .param("start", utc(start)).param("end", utc(end)).param("basis", utc(moved.to()))
                            .param("now", utc(clock.instant())).param("id", b.id()).update();
                    return true;
                } catch (DataAccessException e) {
                    if (!isExclusion(e)) {
                        throw e;
                    }
                    s.setRollbackOnly();
                    return false;
                }
            }));
            if (free) {
                BookingView after = get(b.id());
                Map<String, Object> p = payload(after);
                p.put("from", b.startsAt().toString());
                p.put("cause", moved.cause());
                append("venues.booking.moved", after, moved.regionCode(), Actor.SYSTEM, p);
            } else {
                flag(b, start, end, moved);
            }
        }
    }

    /**
     * The deadline went back to the one the flagged booking was made for: its times fit again, it is booked as before and
     * its wanted times are cleared. Logged; the supervision warning raised with the flag stays for the supervisor to close.
     */
    private void unflag(BookingView b, BidDeadlineMoved moved) {
        jdbc.sql("""
                UPDATE venue_booking SET status = 'BOOKED', flag_reason = NULL, wanted_start = NULL, wanted_end = NULL,
                    changed_by = 'system', changed_at = :now WHERE id = :id AND status = 'FLAGGED'""")
                .param("now", utc(clock.instant())).param("id", b.id()).update();
        Map<String, Object> p = payload(get(b.id()));
        p.put("wasWanted", b.wantedStart() + "—" + b.wantedEnd());
        p.put("cause", moved.cause());
        append("venues.booking.unflagged", b, moved.regionCode(), Actor.SYSTEM, p);
    }

    private void flag(BookingView b, Instant start, Instant end, BidDeadlineMoved moved) {
        String reason = "投标截止时间由 " + moved.from() + " 变更为 " + moved.to() + "，" + b.room().name() + " 在 " + start + "—" + end
                + " 已被占用";
        jdbc.sql("""
                UPDATE venue_booking SET status = 'FLAGGED', flag_reason = :reason, wanted_start = :ws, wanted_end = :we,
                    changed_by = 'system', changed_at = :now WHERE id = :id""")
                .param("reason", reason).param("ws", utc(start)).param("we", utc(end)).param("now", utc(clock.instant()))
                .param("id", b.id()).update();
        BookingView flagged = get(b.id());
        long seq = append("venues.booking.flagged", flagged, moved.regionCode(), Actor.SYSTEM, payload(flagged));
        warnings.raise(new WarningDraft("venue", b.id() + "|" + start, WarningDraft.Severity.MEDIUM, moved.regionCode(), null,
                b.lotId(), "场地预约冲突：投标截止时间变更后" + (b.purpose() == BookingPurpose.OPENING ? "开标室" : "评标室") + "不可用",
                reason + "。开标应在投标截止时间的同一时间公开进行，请招标人或代理机构重新预约场地。", "《中华人民共和国招标投标法》第三十四条",
                List.of(new WarningDraft.Evidence("预约", b.room().name() + " " + b.startsAt() + "—" + b.endsAt(),
                        "/api/v1/lots/" + b.lotId() + "/venue-bookings")),
                List.of(seq)));
    }

    /**
     * Logs an entry about a booking with the lot as subject. An evaluation's room and times are confidential until the
     * candidates go public (招标投标法 Art. 38: 评标应当在严格保密的情况下进行): the entry is sealed and kept for
     * {@link SessionEvidence#evaluationEnded} to disclose, as experts' sign-ins are.
     */
    private long append(String action, BookingView b, String region, Actor actor, Map<String, Object> payload) {
        AuditRecord record = AuditRecord.of(action, b.lotId().toString(), region, actor, payload);
        boolean sealed = b.purpose() == BookingPurpose.EVALUATION && !evaluationEnded(b.lotId());
        long seq = log.append(sealed ? record.sealed() : record).seq();
        if (sealed) {
            jdbc.sql("INSERT INTO venue_booking_sealed (log_seq, lot_id) VALUES (:seq, :lot)").param("seq", seq).param("lot", b.lotId())
                    .update();
        }
        return seq;
    }

    private boolean evaluationEnded(UUID lotId) {
        return jdbc.sql("SELECT COUNT(*) FROM venue_session_end WHERE lot_id = :lot").param("lot", lotId).query(Integer.class).single() > 0;
    }

    /** The lot's live (not cancelled) booking for {@code purpose}, if any. */
    private Optional<BookingView> live(UUID lotId, BookingPurpose purpose) {
        return jdbc.sql(SELECT + " WHERE b.lot_id = :lot AND b.purpose = :purpose AND b.status <> 'CANCELLED' LIMIT 1").param("lot", lotId)
                .param("purpose", purpose.name()).query(Bookings::map).optional();
    }

    private Optional<BookingView> overlapping(UUID roomId, Instant start, Instant end, UUID except) {
        return jdbc.sql(SELECT + "\n" + """
                 WHERE b.room_id = :room AND b.status <> 'CANCELLED' AND b.during && tstzrange(:start, :end, '[)')
                    AND b.id IS DISTINCT FROM CAST(:except AS UUID) LIMIT 1""")
                .param("room", roomId).param("start", utc(start)).param("end", utc(end)).param("except", except)
                .query(Bookings::map).optional();
    }

    /** The opening at the deadline, the evaluation no earlier; both in the future and of a bounded length. */
    static void checkTimes(BookingPurpose purpose, Instant deadline, Instant start, Instant end, Instant now) {
        if (start == null || end == null) {
            throw new DomainException(VenueError.BOOKING_TIMES_INVALID, deadline, "startsAt, endsAt");
        }
        if (!end.isAfter(start)) {
            throw new DomainException(VenueError.BOOKING_TIMES_INVALID, deadline, "endsAt ≤ startsAt");
        }
        if (!start.isAfter(now)) {
            throw new DomainException(VenueError.BOOKING_TIMES_INVALID, deadline, "startsAt ≤ now");
        }
        if (purpose == BookingPurpose.OPENING) {
            if (!start.equals(deadline)) { // 招标投标法 Art. 34
                throw new DomainException(VenueError.BOOKING_TIMES_INVALID, deadline, "开标 ≠ 投标截止时间");
            }
            if (Duration.between(start, end).compareTo(LONGEST_OPENING) > 0) {
                throw new DomainException(VenueError.BOOKING_TIMES_INVALID, deadline, "> " + LONGEST_OPENING);
            }
        } else {
            if (start.isBefore(deadline)) {
                throw new DomainException(VenueError.BOOKING_TIMES_INVALID, deadline, "评标 < 投标截止时间");
            }
            if (start.isAfter(deadline.plus(LATEST_EVALUATION_START))) {
                throw new DomainException(VenueError.BOOKING_TIMES_INVALID, deadline, "评标 > 投标截止时间 + " + LATEST_EVALUATION_START.toDays() + " 天");
            }
            if (Duration.between(start, end).compareTo(LONGEST_EVALUATION) > 0) {
                throw new DomainException(VenueError.BOOKING_TIMES_INVALID, deadline, "> " + LONGEST_EVALUATION);
            }
        }
    }

    /**
     * The lot, if the caller owns it and it may book. A draft may book (the demo's sewage plant draft does, and a moved
     * draft deadline moves its bookings): a lot holds at most one booking per purpose, so a draft holds at most two rooms.
     */
    private TenderView ownedLot(UUID lotId, CurrentUser user) {
        TenderView lot = tenders.find(lotId).orElseThrow(() -> new DomainException(VenueError.LOT_NOT_BOOKABLE));
        if (!(user.role() == Role.TENDEREE || user.role() == Role.AGENCY) || !tenders.owns(lotId, user)) {
            throw new DomainException(VenueError.NOT_LOTS_OWNER);
        }
        if (lot.status() == TenderStatus.TERMINATED) {
            throw new DomainException(VenueError.LOT_NOT_BOOKABLE);
        }
        return lot;
    }

    boolean maySee(TenderView lot, CurrentUser user) {
        return user != null && (tenders.owns(lot.id(), user) || user.seesAllRegions()
                || user.seesRegionSubtree() && regions.isWithin(lot.regionCode(), user.regionCode()));
    }

    private String regionOf(BookingView b) {
        return jdbc.sql("SELECT region_code FROM venue_booking WHERE id = :id").param("id", b.id()).query(String.class).single();
    }

    BookingView get(UUID id) {
        return find(id).orElseThrow(() -> new DomainException(VenueError.BOOKING_NOT_FOUND));
    }

    static boolean isExclusion(Throwable e) {
        return isState(e, "23P01");
    }

    private static boolean isState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> payload(BookingView b) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bookingId", b.id().toString());
        p.put("room", b.room().name());
        p.put("roomKind", b.room().kind().name());
        p.put("isolated", b.room().isolated());
        p.put("purpose", b.purpose().name());
        p.put("startsAt", b.startsAt().toString());
        p.put("endsAt", b.endsAt().toString());
        p.put("status", b.status().name());
        if (b.wantedStart() != null) {
            p.put("wantedStart", b.wantedStart().toString());
            p.put("wantedEnd", b.wantedEnd().toString());
        }
        return p;
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static BookingView map(ResultSet rs, int row) throws SQLException {
        Rooms.RoomView room = new Rooms.RoomView(rs.getObject("room_id", UUID.class), rs.getString("region_code"), rs.getString("name"),
                RoomKind.valueOf(rs.getString("kind")), rs.getBoolean("isolated"), rs.getInt("capacity"),
                rs.getString("serves_region"), rs.getBoolean("active"));
        return new BookingView(rs.getObject("id", UUID.class), rs.getObject("lot_id", UUID.class), room,
                BookingPurpose.valueOf(rs.getString("purpose")), instant(rs, "starts_at"), instant(rs, "ends_at"),
                instant(rs, "deadline_basis"), BookingStatus.valueOf(rs.getString("status")), rs.getString("flag_reason"),
                instant(rs, "wanted_start"), instant(rs, "wanted_end"), rs.getString("created_by"));
    }
}
