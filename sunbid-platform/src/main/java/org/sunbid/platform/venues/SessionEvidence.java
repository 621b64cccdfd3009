package org.sunbid.platform.venues;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.evaluation.PublicityStarted;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * The on-site evidence of a lot's sessions: the sign-ins the rooms' readers report and the AV recordings (their SM3
 * hash and where they are kept) registered by the centre's staff, each in the transparency log with the lot as subject.
 * Experts' identities are secret until the evaluation ends (招标投标法 Art. 37: 评标委员会成员的名单在中标结果确定前应当保密):
 * an expert's sign-in before then is logged sealed and masked in every view but the supervisors'; when the candidates go
 * public ({@link PublicityStarted}) a public entry per sealed one discloses it, repeating its salted details. So are the
 * log entries about the evaluation's booking (its room and times), sealed by {@link Bookings} until then.
 */
@Service
public class SessionEvidence {

    /** What an expert's identity reads as while it is secret. */
    public static final String MASKED = "评标专家（评标结束后公开）";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Bookings bookings;
    private final Rooms rooms;
    private final Tenders tenders;

    SessionEvidence(JdbcClient jdbc, Clock clock, AuditLog log, Bookings bookings, Rooms rooms, Tenders tenders) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.bookings = bookings;
        this.rooms = rooms;
        this.tenders = tenders;
    }

    /** A sign-in as shown to the caller (an expert masked while secret). */
    public record SignInView(UUID id, UUID bookingId, String room, SignInReader.Method method, SignInReader.PersonKind personKind,
            String personRef, String personName, Instant signedAt, boolean sealed, Long logSeq) {
    }

    /** A registered recording. */
    public record RecordingView(UUID id, UUID bookingId, String room, String sm3, String location, Instant startedAt,
            Instant endedAt, Long logSeq) {
    }

    /** The lot's evidence. */
    public record Evidence(UUID lotId, boolean evaluationEnded, List<SignInView> signIns, List<RecordingView> recordings) {
    }

    /** A recording to register. */
    public record NewRecording(UUID bookingId, String sm3, String location, Instant startedAt, Instant endedAt) {
    }

    /**
     * Records a sign-in a reader reported: in the session booked in the reader's room now (the platform's time decides).
     * Logged with the lot as subject, sealed for an expert while the evaluation has not ended.
     */
    @Transactional
    public SignInView signIn(SignInReader.SignIn s, Devices.DeviceRow device) {
        Instant now = clock.instant();
        BookingView session = bookings.sessionAt(device.roomId(), now)
                .orElseThrow(() -> new DomainException(VenueError.NO_SESSION_NOW));
        boolean sealed = s.personKind() == SignInReader.PersonKind.EXPERT && !ended(session.lotId());
        UUID id = UUID.randomUUID();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("signInId", id.toString());
        p.put("bookingId", session.id().toString());
        p.put("room", session.room().name());
        p.put("deviceId", device.id().toString());
        p.put("method", s.method().name());
        p.put("personKind", s.personKind().name());
        p.put("personRef", s.personRef());
        p.put("personName", s.personName());
        p.put("signedAt", now.toString());
        p.put("readAt", s.readAt() == null ? null : s.readAt().toString());
        AuditRecord record = AuditRecord.of("venues.sign-in.recorded", session.lotId().toString(), regionOf(session.lotId()),
                new Actor("reader:" + device.id(), null, null), p);
        long seq = log.append(sealed ? record.sealed() : record).seq();
        jdbc.sql("""
                INSERT INTO venue_sign_in (id, booking_id, lot_id, device_id, method, person_kind, person_ref, person_name,
                    signed_at, read_at, sealed, log_seq, created_at)
                VALUES (:id, :b, :lot, :d, :m, :k, :ref, :name, :at, :read, :sealed, :seq, :at)""")
                .param("id", id).param("b", session.id()).param("lot", session.lotId()).param("d", device.id())
                .param("m", s.method().name()).param("k", s.personKind().name()).param("ref", s.personRef())
                .param("name", s.personName()).param("at", Bookings.utc(now)).param("read", Bookings.utc(s.readAt()))
                .param("sealed", sealed).param("seq", seq).update();
        return new SignInView(id, session.id(), session.room().name(), s.method(), s.personKind(), sealed ? null : s.personRef(),
                sealed ? MASKED : s.personName(), now, sealed, seq);
    }

    /** The centre's staff register the AV recording of a session. Logged with the lot as subject; the same file once. */
    @Transactional
    public RecordingView register(UUID lotId, NewRecording r, CurrentUser user) {
        if (r == null || r.bookingId() == null) {
            throw new DomainException(VenueError.VENUE_FIELD_INVALID, "bookingId");
        }
        BookingView booking = bookings.find(r.bookingId()).filter(b -> b.lotId().equals(lotId))
                .orElseThrow(() -> new DomainException(VenueError.BOOKING_NOT_FOUND));
        if (!rooms.isStaffOf(booking.room().regionCode(), user)) {
            throw new DomainException(org.sunbid.platform.kernel.CommonError.FORBIDDEN);
        }
        String sm3 = r.sm3() == null ? "" : r.sm3().strip().toLowerCase(java.util.Locale.ROOT);
        if (!sm3.matches("[0-9a-f]{64}")) {
            throw new DomainException(VenueError.VENUE_FIELD_INVALID, "sm3");
        }
        if (r.location() == null || r.location().isBlank() || r.location().length() > 500) {
            throw new DomainException(VenueError.VENUE_FIELD_INVALID, "location");
        }
        if (r.startedAt() == null || r.endedAt() == null || !r.endedAt().isAfter(r.startedAt())
                || r.endedAt().isAfter(clock.instant())) {
            throw new DomainException(VenueError.VENUE_FIELD_INVALID, "startedAt, endedAt");
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO venue_recording (id, booking_id, lot_id, sm3, location, started_at, ended_at, created_by, created_at)
                    VALUES (:id, :b, :lot, :sm3, :loc, :from, :to, :by, :now)""")
                    .param("id", id).param("b", booking.id()).param("lot", lotId).param("sm3", sm3)
                    .param("loc", r.location().strip()).param("from", Bookings.utc(r.startedAt())).param("to", Bookings.utc(r.endedAt()))
                    .param("by", user.username()).param("now", Bookings.utc(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw new DomainException(VenueError.VENUE_FIELD_INVALID, "sm3 (已登记)");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("recordingId", id.toString());
        p.put("bookingId", booking.id().toString());
        p.put("room", booking.room().name());
        p.put("purpose", booking.purpose().name());
        p.put("sm3", sm3);
        p.put("location", r.location().strip());
        p.put("startedAt", r.startedAt().toString());
        p.put("endedAt", r.endedAt().toString());
        long seq = log.append(AuditRecord.of("venues.recording.registered", lotId.toString(), regionOf(lotId), user.actor(), p)).seq();
        jdbc.sql("UPDATE venue_recording SET log_seq = :seq WHERE id = :id").param("seq", seq).param("id", id).update();
        return new RecordingView(id, booking.id(), booking.room().name(), sm3, r.location().strip(), r.startedAt(), r.endedAt(), seq);
    }

    /** The lot's evidence for its owner and agency, the centre's staff and supervisors of its region. */
    public Evidence of(UUID lotId, CurrentUser user) {
        TenderView lot = tenders.find(lotId).orElseThrow(() -> new DomainException(VenueError.BOOKING_NOT_FOUND));
        if (!bookings.maySee(lot, user)) {
            throw new DomainException(VenueError.BOOKING_NOT_FOUND);
        }
        boolean ended = ended(lotId);
        boolean unmask = ended || user.role() == Role.SUPERVISOR;
        List<SignInView> signIns = jdbc.sql("""
                SELECT s.id, s.booking_id, r.name, s.method, s.person_kind, s.person_ref, s.person_name, s.signed_at, s.sealed, s.log_seq
                FROM venue_sign_in s JOIN venue_booking b ON b.id = s.booking_id JOIN venue_room r ON r.id = b.room_id
                WHERE s.lot_id = :lot ORDER BY s.signed_at, s.id""").param("lot", lotId)
                .query((rs, i) -> {
                    SignInReader.PersonKind kind = SignInReader.PersonKind.valueOf(rs.getString(5));
                    boolean hide = kind == SignInReader.PersonKind.EXPERT && !unmask;
                    return new SignInView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            SignInReader.Method.valueOf(rs.getString(4)), kind, hide ? null : rs.getString(6),
                            hide ? MASKED : rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getBoolean(9),
                            (Long) rs.getObject(10));
                }).list();
        List<RecordingView> recordings = jdbc.sql("""
                SELECT v.id, v.booking_id, r.name, v.sm3, v.location, v.started_at, v.ended_at, v.log_seq
                FROM venue_recording v JOIN venue_booking b ON b.id = v.booking_id JOIN venue_room r ON r.id = b.room_id
                WHERE v.lot_id = :lot ORDER BY v.started_at, v.id""").param("lot", lotId)
                .query(SessionEvidence::recording).list();
        return new Evidence(lotId, ended, signIns, recordings);
    }

    /**
     * The evaluation of the lot ended (its candidates went public): its experts' sign-ins are disclosed in one public
     * entry, repeating each sealed entry's number and details. Delivered twice, the second delivery changes nothing.
     */
    @ApplicationModuleListener
    void on(PublicityStarted started) {
        evaluationEnded(started.tenderId());
    }

    /** Marks the lot's evaluation as ended and discloses its sealed sign-ins (once). */
    @Transactional
    public void evaluationEnded(UUID lotId) {
        int marked = jdbc.sql("INSERT INTO venue_session_end (lot_id, ended_at) VALUES (:lot, :now) ON CONFLICT DO NOTHING")
                .param("lot", lotId).param("now", Bookings.utc(clock.instant())).update();
        if (marked == 0) {
            return;
        }
        record Sealed(UUID id, long seq) {
        }
        List<Sealed> sealed = jdbc.sql("""
                SELECT id, log_seq FROM venue_sign_in WHERE lot_id = :lot AND sealed AND disclosed_seq IS NULL
                ORDER BY log_seq""").param("lot", lotId).query((rs, i) -> new Sealed(rs.getObject(1, UUID.class), rs.getLong(2))).list();
        String region = regionOf(lotId);
        for (Sealed s : sealed) { // as tendering discloses objectors: the salted details, checkable against the commitment
            AuditLog.Withheld w = log.withheld(s.seq());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("sealedSeq", s.seq());
            payload.put("details", w.details());
            payload.put("payload", w.payload());
            long seq = log.append(AuditRecord.of("venues.sign-in.disclosed", lotId.toString(), region, Actor.SYSTEM, payload)).seq();
            jdbc.sql("UPDATE venue_sign_in SET disclosed_seq = :seq WHERE id = :id").param("seq", seq).param("id", s.id()).update();
        }
        // the evaluation's bookings (room and times), sealed while the evaluation was confidential (招标投标法 Art. 38)
        List<Long> bookingEntries = jdbc.sql("SELECT log_seq FROM venue_booking_sealed WHERE lot_id = :lot AND disclosed_seq IS NULL ORDER BY log_seq")
                .param("lot", lotId).query(Long.class).list();
        for (long sealedSeq : bookingEntries) {
            AuditLog.Withheld w = log.withheld(sealedSeq);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("sealedSeq", sealedSeq);
            payload.put("details", w.details());
            payload.put("payload", w.payload());
            long seq = log.append(AuditRecord.of("venues.booking.disclosed", lotId.toString(), region, Actor.SYSTEM, payload)).seq();
            jdbc.sql("UPDATE venue_booking_sealed SET disclosed_seq = :seq WHERE log_seq = :s").param("seq", seq).param("s", sealedSeq)
                    .update();
        }
    }

    /** Whether the lot's evaluation ended. */
    public boolean ended(UUID lotId) {
        return jdbc.sql("SELECT COUNT(*) FROM venue_session_end WHERE lot_id = :lot").param("lot", lotId).query(Integer.class).single() > 0;
    }

    private String regionOf(UUID lotId) {
        return tenders.find(lotId).map(TenderView::regionCode).orElse(null);
    }

    private static RecordingView recording(ResultSet rs, int row) throws SQLException {
        return new RecordingView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant(),
                (Long) rs.getObject(8));
    }
}
