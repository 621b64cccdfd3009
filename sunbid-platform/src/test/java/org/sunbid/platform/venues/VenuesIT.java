package org.sunbid.platform.venues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.tendering.BidDeadlineMoved;

import tools.jackson.databind.JsonNode;

/**
 * Venues (issue 20): rooms by the centre's staff, bookings by the lot's owner or agency — never twice for the same room
 * and time, also when many callers race (招标投标法 Art. 34: the opening at the bid deadline) — following a moved
 * deadline or flagged, and the sign-ins and recordings kept as evidence, an expert's sealed until the evaluation ends.
 */
class VenuesIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog log;

    @Autowired
    SessionEvidence evidence;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
    }

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    private String room(String kind, boolean isolated) {
        ApiClient.Response r = api.post("/api/v1/venues/rooms", ApiClient.json(Map.of("name", "测试" + kind + UUID.randomUUID().toString().substring(0, 8),
                "kind", kind, "isolated", isolated, "capacity", 12)), api.token("centre"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    private ApiClient.Response book(String lotId, String roomId, String purpose, Instant start, Instant end, String token) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("roomId", roomId);
        body.put("purpose", purpose);
        if (start != null) {
            body.put("startsAt", start.toString());
        }
        if (end != null) {
            body.put("endsAt", end.toString());
        }
        return api.post("/api/v1/lots/" + lotId + "/venue-bookings", ApiClient.json(body), token);
    }

    private long bookings() {
        return jdbc.sql("SELECT COUNT(*) FROM venue_booking").query(Long.class).single();
    }

    @Test
    void roomsAreTheCentreStaffs_isolationOnlyForEvaluationRooms() {
        String hall = room("OPENING_HALL", false);
        ApiClient.Response isolatedHall = api.post("/api/v1/venues/rooms", ApiClient.json(Map.of("name", "隔离开标室",
                "kind", "OPENING_HALL", "isolated", true, "capacity", 10)), api.token("centre"));
        assertThat(isolatedHall.status()).isEqualTo(400);
        assertThat(isolatedHall.isProblem()).isTrue();
        assertThat(isolatedHall.code()).isEqualTo("VENUE_FIELD_INVALID");
        ApiClient.Response byAgency = api.post("/api/v1/venues/rooms", ApiClient.json(Map.of("name", "代理自建", "kind",
                "OPENING_HALL", "capacity", 10)), api.token("agency"));
        assertThat(byAgency.status()).isEqualTo(403);
        ApiClient.Response closed = api.send("PUT", "/api/v1/venues/rooms/" + hall, "{\"active\":false}", api.token("centre"));
        assertThat(closed.json().path("active").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/venues/rooms", api.token("agency")).body()).contains(hall);
    }

    @Test
    void art34_theOpeningIsBookedAtTheDeadline_andTheEvaluationNotBefore() {
        JsonNode tender = publishTender(api, Duration.ofDays(21), "100000");
        String lot = tender.path("id").asString();
        Instant deadline = Instant.parse(tender.path("bidDeadline").asString());
        String hall = room("OPENING_HALL", false);
        String evaluation = room("EVALUATION_ROOM", true);
        long before = bookings();

        ApiClient.Response early = book(lot, hall, "OPENING", deadline.minus(Duration.ofHours(1)), deadline.plus(Duration.ofHours(1)),
                api.token("agency"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.code()).isEqualTo("BOOKING_TIMES_INVALID");
        ApiClient.Response evaluationBeforeDeadline = book(lot, evaluation, "EVALUATION", deadline.minus(Duration.ofHours(2)),
                deadline.plus(Duration.ofHours(2)), api.token("agency"));
        assertThat(evaluationBeforeDeadline.code()).isEqualTo("BOOKING_TIMES_INVALID");
        ApiClient.Response hallForEvaluation = book(lot, hall, "EVALUATION", deadline.plus(Duration.ofHours(2)),
                deadline.plus(Duration.ofHours(6)), api.token("agency"));
        assertThat(hallForEvaluation.code()).isEqualTo("ROOM_UNSUITABLE");
        ApiClient.Response stranger = book(lot, hall, "OPENING", null, null, api.token("tenderee2"));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.code()).isEqualTo("NOT_LOTS_OWNER");
        assertThat(bookings()).isEqualTo(before); // nothing booked by the refused attempts

        ApiClient.Response opening = book(lot, hall, "OPENING", null, null, api.token("agency"));
        assertThat(opening.status()).as(opening.body()).isEqualTo(201);
        assertThat(Instant.parse(opening.json().path("startsAt").asString())).isEqualTo(deadline);
        ApiClient.Response eval = book(lot, evaluation, "EVALUATION", deadline.plus(Duration.ofHours(2)),
                deadline.plus(Duration.ofHours(8)), api.token("agency"));
        assertThat(eval.status()).isEqualTo(201);
        assertThat(eval.json().path("room").path("isolated").asBoolean()).isTrue();
        // the owner sees both; the lot's subject in the log has both bookings
        assertThat(api.get("/api/v1/lots/" + lot + "/venue-bookings", api.token("tenderee")).json().size()).isEqualTo(2);
        assertThat(api.get("/api/v1/lots/" + lot + "/venue-bookings", api.token("bidder1")).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'subject' = :s AND details::json->>'action' = 'venues.booking.made'")
                .param("s", lot).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void doubleBookingIsImpossible_manyCallersRacingForTheSameSlot_exactlyOneWins() throws Exception {
        int callers = 12;
        List<String> lots = new ArrayList<>(); // one lot per caller: a lot books one evaluation only
        Instant deadline = null;
        for (int i = 0; i < callers; i++) {
            JsonNode tender = publishTender(api, Duration.ofDays(21), "100000");
            lots.add(tender.path("id").asString());
            Instant d = Instant.parse(tender.path("bidDeadline").asString());
            deadline = deadline == null || d.isAfter(deadline) ? d : deadline;
        }
        String seat = room("REMOTE_SEAT", false);
        String token = api.token("agency");
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiClient.Response>> answers = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            // overlapping, not identical, slots: each one hour long, starting 0..11 minutes apart
            Instant start = deadline.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(i));
            String lot = lots.get(i);
            answers.add(pool.submit(() -> {
                go.await();
                return book(lot, seat, "EVALUATION", start, start.plus(Duration.ofHours(1)), token);
            }));
        }
        go.countDown();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (Future<ApiClient.Response> a : answers) {
            responses.add(a.get());
        }
        pool.shutdown();
        assertThat(responses.stream().filter(r -> r.status() == 201).count()).isEqualTo(1);
        List<ApiClient.Response> refused = responses.stream().filter(r -> r.status() != 201).toList();
        assertThat(refused).hasSize(callers - 1).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.code()).isEqualTo("ROOM_TAKEN");
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM venue_booking WHERE room_id = CAST(:r AS UUID)").param("r", seat)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDatabaseItselfRefusesAnOverlap_notOnlyTheService() {
        JsonNode tender = publishTender(api, Duration.ofDays(21), "100000");
        String lot = tender.path("id").asString();
        Instant deadline = Instant.parse(tender.path("bidDeadline").asString());
        String hall = room("OPENING_HALL", false);
        assertThat(book(lot, hall, "OPENING", null, null, api.token("agency")).status()).isEqualTo(201);
        // written past the service, as a second writer would: the exclusion constraint refuses it
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO venue_booking (id, room_id, lot_id, region_code, purpose, starts_at, ends_at, deadline_basis, status,
                    created_by, created_at, changed_by, changed_at)
                VALUES (:id, CAST(:room AS UUID), CAST(:lot AS UUID), '990100', 'EVALUATION', :s, :e, :s, 'BOOKED', 'x', now(), 'x', now())""")
                .param("id", UUID.randomUUID()).param("room", hall).param("lot", lot)
                .param("s", Bookings.utc(deadline.plus(Duration.ofMinutes(30)))).param("e", Bookings.utc(deadline.plus(Duration.ofHours(3))))
                .update()).hasMessageContaining("venue_booking_no_overlap");
    }

    @Test
    void aMovedDeadlineMovesTheBookingWhereTheRoomIsFree_andFlagsItWhereNot() {
        JsonNode a = publishTender(api, Duration.ofDays(21), "100000");
        JsonNode c = publishTender(api, Duration.ofDays(21), "100000");
        String lotA = a.path("id").asString();
        String lotC = c.path("id").asString();
        Instant deadline = Instant.parse(a.path("bidDeadline").asString());
        String hall = room("OPENING_HALL", false);
        String evaluation = room("EVALUATION_ROOM", true);
        String openingA = book(lotA, hall, "OPENING", null, null, api.token("agency")).json().path("id").asString();
        String evaluationA = book(lotA, evaluation, "EVALUATION", deadline.plus(Duration.ofHours(3)), deadline.plus(Duration.ofHours(7)),
                api.token("agency")).json().path("id").asString();

        // Day 10: a clarification that affects preparation moves C's deadline (Law 23); C books the hall at its new deadline
        clock.advance(Duration.ofDays(10));
        api = new ApiClient("http://localhost:" + port); // the tokens signed 10 days ago have expired
        ApiClient.Response clarifiedC = api.post("/api/v1/tenders/" + lotC + "/clarifications",
                "{\"text\":\"工程量清单更正\",\"affectsPreparation\":true}", api.token("agency"));
        assertThat(clarifiedC.status()).as(clarifiedC.body()).isEqualTo(200);
        Instant moved = Instant.parse(clarifiedC.json().path("deadlineMovedTo").asString());
        assertThat(book(lotC, hall, "OPENING", null, null, api.token("agency")).status()).isEqualTo(201);

        // the same clarification on A moves A's deadline to the same time: its hall is taken then, its evaluation room free
        ApiClient.Response clarifiedA = api.post("/api/v1/tenders/" + lotA + "/clarifications",
                "{\"text\":\"工程量清单更正\",\"affectsPreparation\":true}", api.token("agency"));
        assertThat(Instant.parse(clarifiedA.json().path("deadlineMovedTo").asString())).isEqualTo(moved);
        awaitEventsCompleted(BidDeadlineMoved.class);

        JsonNode mine = api.get("/api/v1/lots/" + lotA + "/venue-bookings", api.token("agency")).json();
        JsonNode opening = find(mine, openingA);
        JsonNode eval = find(mine, evaluationA);
        assertThat(opening.path("status").asString()).isEqualTo("FLAGGED");
        assertThat(Instant.parse(opening.path("startsAt").asString())).isEqualTo(deadline); // keeps its old slot meanwhile
        assertThat(Instant.parse(opening.path("wantedStart").asString())).isEqualTo(moved);
        assertThat(eval.path("status").asString()).isEqualTo("BOOKED");
        assertThat(Instant.parse(eval.path("startsAt").asString())).isEqualTo(moved.plus(Duration.ofHours(3)));
        // visible to the centre's staff among the flagged ones, and a supervision warning
        assertThat(api.get("/api/v1/venues/bookings?flagged=true", api.token("centre")).body()).contains(openingA).doesNotContain(evaluationA);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM supervision_warning WHERE source = 'venue' AND lot_id = CAST(:l AS UUID)")
                .param("l", lotA).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'subject' = :s AND details::json->>'action' IN ('venues.booking.moved', 'venues.booking.flagged')")
                .param("s", lotA).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void oneBookingPerLotAndPurpose_theEvaluationWithin30Days_andItsRoomAndTimesSealedUntilThePublicity() {
        JsonNode tender = publishTender(api, Duration.ofDays(21), "100000");
        String lot = tender.path("id").asString();
        Instant deadline = Instant.parse(tender.path("bidDeadline").asString());
        String hall = room("OPENING_HALL", false);
        String hall2 = room("OPENING_HALL", false);
        String evaluation = room("EVALUATION_ROOM", true);
        String evaluation2 = room("EVALUATION_ROOM", true);
        assertThat(book(lot, hall, "OPENING", null, null, api.token("agency")).status()).isEqualTo(201);

        // hoarding: a second opening for the same lot, in another free hall, is refused — the existing one is changed
        ApiClient.Response second = book(lot, hall2, "OPENING", null, null, api.token("agency"));
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.isProblem()).isTrue();
        assertThat(second.code()).isEqualTo("BOOKING_EXISTS");
        // an evaluation months after the deadline holds a room for nothing: refused past 30 days
        ApiClient.Response late = book(lot, evaluation, "EVALUATION", deadline.plus(Duration.ofDays(31)),
                deadline.plus(Duration.ofDays(31)).plus(Duration.ofHours(6)), api.token("agency"));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.code()).isEqualTo("BOOKING_TIMES_INVALID");

        ApiClient.Response eval = book(lot, evaluation, "EVALUATION", deadline.plus(Duration.ofHours(2)), deadline.plus(Duration.ofHours(8)),
                api.token("agency"));
        assertThat(eval.status()).as(eval.body()).isEqualTo(201);
        String evaluationRoom = eval.json().path("room").path("name").asString();
        assertThat(book(lot, evaluation2, "EVALUATION", deadline.plus(Duration.ofDays(1)), deadline.plus(Duration.ofDays(1)).plus(Duration.ofHours(6)),
                api.token("agency")).code()).isEqualTo("BOOKING_EXISTS");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM venue_booking WHERE lot_id = CAST(:l AS UUID)").param("l", lot).query(Long.class).single())
                .isEqualTo(2);

        // Art. 38: the public log does not tell where and when the evaluation sits; the opening is public (Art. 35)
        long evalSeq = jdbc.sql("SELECT seq FROM log_entry WHERE details::json->>'subject' = :s AND details::json->>'action' = 'venues.booking.made' AND payload::json->>'purpose' = 'EVALUATION'")
                .param("s", lot).query(Long.class).single();
        JsonNode sealedEntry = api.get("/api/v1/log/entries?start=" + evalSeq + "&end=" + (evalSeq + 1), null).json().get(0);
        assertThat(sealedEntry.path("sealed").asBoolean()).isTrue();
        assertThat(sealedEntry.toString()).doesNotContain(evaluationRoom).doesNotContain("EVALUATION");
        long openingSeq = jdbc.sql("SELECT seq FROM log_entry WHERE details::json->>'subject' = :s AND details::json->>'action' = 'venues.booking.made' AND payload::json->>'purpose' = 'OPENING'")
                .param("s", lot).query(Long.class).single();
        assertThat(api.get("/api/v1/log/entries?start=" + openingSeq + "&end=" + (openingSeq + 1), null).json().get(0).path("sealed").asBoolean())
                .isFalse();

        // the candidates go public: a public entry discloses it, repeating the sealed details; once
        evidence.evaluationEnded(UUID.fromString(lot));
        evidence.evaluationEnded(UUID.fromString(lot));
        List<Long> disclosures = jdbc.sql("SELECT seq FROM log_entry WHERE details::json->>'subject' = :s AND details::json->>'action' = 'venues.booking.disclosed'")
                .param("s", lot).query(Long.class).list();
        assertThat(disclosures).hasSize(1);
        JsonNode disclosure = api.get("/api/v1/log/entries?start=" + disclosures.get(0) + "&end=" + (disclosures.get(0) + 1), null).json().get(0);
        assertThat(disclosure.toString()).contains(evaluationRoom).contains("\\\"sealedSeq\\\":" + evalSeq);
    }

    @Test
    void aFlaggedBookingClearsWhenTheDeadlineMovesBack() {
        JsonNode a = publishTender(api, Duration.ofDays(21), "100000");
        JsonNode c = publishTender(api, Duration.ofDays(21), "100000");
        String lotA = a.path("id").asString();
        String lotC = c.path("id").asString();
        Instant t0 = Instant.parse(a.path("bidDeadline").asString());
        Instant t1 = t0.plus(Duration.ofDays(3));
        String hall = room("OPENING_HALL", false);
        String openingA = book(lotA, hall, "OPENING", null, null, api.token("agency")).json().path("id").asString();
        // another lot holds the hall at T1 (written past the service: only the room's times matter here)
        jdbc.sql("""
                INSERT INTO venue_booking (id, room_id, lot_id, region_code, purpose, starts_at, ends_at, deadline_basis, status,
                    created_by, created_at, changed_by, changed_at)
                VALUES (:id, CAST(:room AS UUID), CAST(:lot AS UUID), '990100', 'OPENING', :s, :e, :s, 'BOOKED', 'x', now(), 'x', now())""")
                .param("id", UUID.randomUUID()).param("room", hall).param("lot", lotC)
                .param("s", Bookings.utc(t1)).param("e", Bookings.utc(t1.plus(Duration.ofHours(2)))).update();

        // T0 → T1: the hall is taken then, A's opening is flagged with the wanted times and a warning is raised
        move(lotA, t0, t1);
        JsonNode flagged = find(api.get("/api/v1/lots/" + lotA + "/venue-bookings", api.token("agency")).json(), openingA);
        assertThat(flagged.path("status").asString()).isEqualTo("FLAGGED");
        assertThat(Instant.parse(flagged.path("wantedStart").asString())).isEqualTo(t1);

        // T1 → T0: back to the times the booking holds — booked again, nothing wanted any more, and logged
        move(lotA, t1, t0);
        JsonNode back = find(api.get("/api/v1/lots/" + lotA + "/venue-bookings", api.token("agency")).json(), openingA);
        assertThat(back.path("status").asString()).isEqualTo("BOOKED");
        assertThat(Instant.parse(back.path("startsAt").asString())).isEqualTo(t0);
        assertThat(back.path("wantedStart").isMissingNode() || back.path("wantedStart").isNull()).as(back.toString()).isTrue();
        assertThat(back.path("flagReason").isMissingNode() || back.path("flagReason").isNull()).as(back.toString()).isTrue();
        assertThat(api.get("/api/v1/venues/bookings?flagged=true", api.token("centre")).body()).doesNotContain(openingA);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'subject' = :s AND details::json->>'action' = 'venues.booking.unflagged'")
                .param("s", lotA).query(Long.class).single()).isEqualTo(1);
        move(lotA, t1, t0); // delivered twice: nothing more
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'subject' = :s AND details::json->>'action' = 'venues.booking.unflagged'")
                .param("s", lotA).query(Long.class).single()).isEqualTo(1);
    }

    private void move(String lot, Instant from, Instant to) {
        new TransactionTemplate(transactions).executeWithoutResult(
                s -> events.publishEvent(new BidDeadlineMoved(UUID.fromString(lot), "990100", from, to, "test")));
        awaitEventsCompleted(BidDeadlineMoved.class);
    }

    @Test
    void signInsAndRecordingsAreEvidence_anExpertsSealedUntilTheEvaluationEnds() {
        JsonNode tender = publishTender(api, Duration.ofDays(21), "100000");
        String lot = tender.path("id").asString();
        Instant deadline = Instant.parse(tender.path("bidDeadline").asString());
        String evaluation = room("EVALUATION_ROOM", true);
        String booking = book(lot, evaluation, "EVALUATION", deadline.plus(Duration.ofHours(1)), deadline.plus(Duration.ofHours(6)),
                api.token("agency")).json().path("id").asString();
        ApiClient.Response device = api.post("/api/v1/venues/rooms/" + evaluation + "/devices", "{\"kind\":\"FINGERPRINT\",\"name\":\"指纹仪1\"}",
                api.token("centre"));
        assertThat(device.status()).isEqualTo(201);
        String deviceId = device.json().path("id").asString();
        String token = device.json().path("token").asString();
        String expertSignIn = "{\"personKind\":\"EXPERT\",\"personRef\":\"E-1001\",\"personName\":\"王评审\"}";

        // before the session: refused, nothing recorded
        ApiClient.Response tooEarly = api.send("POST", "/api/v1/venues/devices/" + deviceId + "/sign-ins", expertSignIn, null,
                Map.of("X-Device-Token", token));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.code()).isEqualTo("NO_SESSION_NOW");

        clock.set(deadline.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(5)));
        api = new ApiClient("http://localhost:" + port); // the tokens signed three weeks ago have expired
        long logSize = log.size();
        ApiClient.Response forged = api.send("POST", "/api/v1/venues/devices/" + deviceId + "/sign-ins", expertSignIn, null,
                Map.of("X-Device-Token", "0".repeat(64)));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("DEVICE_UNAUTHENTICATED");
        assertThat(log.size()).isEqualTo(logSize);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM venue_sign_in WHERE lot_id = CAST(:l AS UUID)").param("l", lot).query(Long.class).single())
                .isZero();

        ApiClient.Response signedIn = api.send("POST", "/api/v1/venues/devices/" + deviceId + "/sign-ins", expertSignIn, null,
                Map.of("X-Device-Token", token));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(201);
        assertThat(signedIn.body()).doesNotContain("王评审").doesNotContain("E-1001");
        long sealedSeq = signedIn.json().path("logSeq").asLong();
        JsonNode entry = api.get("/api/v1/log/entries?start=" + sealedSeq + "&end=" + (sealedSeq + 1), null).json().get(0);
        assertThat(entry.path("sealed").asBoolean()).isTrue();
        assertThat(entry.toString()).doesNotContain("王评审");
        ApiClient.Response representative = api.send("POST", "/api/v1/venues/devices/" + deviceId + "/sign-ins",
                "{\"personKind\":\"OWNER_REPRESENTATIVE\",\"personRef\":\"tenderee\",\"personName\":\"李代表\"}", null,
                Map.of("X-Device-Token", token));
        assertThat(representative.json().path("sealed").asBoolean()).isFalse();

        // the owner sees the expert masked; the supervisor sees who it is
        assertThat(api.get("/api/v1/lots/" + lot + "/venue-evidence", api.token("agency")).body()).doesNotContain("王评审")
                .contains(SessionEvidence.MASKED).contains("李代表");
        assertThat(api.get("/api/v1/lots/" + lot + "/venue-evidence", api.token("supervisor")).body()).contains("王评审");

        // the centre registers the session's recording (the agency may not)
        String recording = ApiClient.json(Map.of("bookingId", booking, "sm3", "a".repeat(64), "location", "nas://venues/2026/eval-1.mp4",
                "startedAt", deadline.plus(Duration.ofHours(1)).toString(), "endedAt", deadline.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(4)).toString()));
        assertThat(api.post("/api/v1/lots/" + lot + "/venue-recordings", recording, api.token("agency")).status()).isEqualTo(403);
        ApiClient.Response registered = api.post("/api/v1/lots/" + lot + "/venue-recordings", recording, api.token("centre"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode recordingEntry = api.get("/api/v1/log/entries?start=" + registered.json().path("logSeq").asLong() + "&end="
                + (registered.json().path("logSeq").asLong() + 1), null).json().get(0);
        assertThat(recordingEntry.toString()).contains("a".repeat(64)).contains(lot);

        // the evaluation ends: the expert's sign-in is disclosed in a public entry repeating the sealed details
        evidence.evaluationEnded(UUID.fromString(lot));
        evidence.evaluationEnded(UUID.fromString(lot)); // twice changes nothing
        List<Long> disclosures = jdbc.sql("SELECT seq FROM log_entry WHERE details::json->>'subject' = :s AND details::json->>'action' = 'venues.sign-in.disclosed'")
                .param("s", lot).query(Long.class).list();
        assertThat(disclosures).hasSize(1);
        JsonNode disclosure = api.get("/api/v1/log/entries?start=" + disclosures.get(0) + "&end=" + (disclosures.get(0) + 1), null).json().get(0);
        assertThat(disclosure.toString()).contains("王评审").contains("\\\"sealedSeq\\\":" + sealedSeq);
        assertThat(api.get("/api/v1/lots/" + lot + "/venue-evidence", api.token("agency")).body()).contains("王评审");
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.path("id").asString().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no booking " + id + " in " + list);
    }
}
