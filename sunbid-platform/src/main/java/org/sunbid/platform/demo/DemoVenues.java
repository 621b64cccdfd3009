package org.sunbid.platform.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.sunbid.platform.experts.DrawView;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.TimeTravel;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.tendering.TenderTerms;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.platform.venues.BookingPurpose;
import org.sunbid.platform.venues.Bookings;
import org.sunbid.platform.venues.Devices;
import org.sunbid.platform.venues.RoomKind;
import org.sunbid.platform.venues.Rooms;
import org.sunbid.platform.venues.SessionEvidence;
import org.sunbid.platform.venues.SignInReader;

/**
 * The demo's venues (issue 20 V): the city centre's rooms, the evaluation room of the history's pool tender with the
 * readers' sign-ins of its committee (sealed until the evaluation ended, then disclosed) and its AV recording, and
 * today's bookings of the school's and the road's opening and evaluation, and a flagged one: the draft sewage plant
 * tender's opening hall, taken when the agency moved the draft's deadline. All through the venues services, as people
 * and readers would.
 */
@Component
class DemoVenues {

    private static final Logger log = LoggerFactory.getLogger(DemoVenues.class);

    private final Rooms rooms;
    private final Bookings bookings;
    private final Devices devices;
    private final SessionEvidence evidence;
    private final ObjectProvider<SignInReader> readers;
    private final Accounts accounts;
    private final Tenders tenders;
    private final Clock clock;

    private UUID poolLot;
    private UUID poolBooking;
    private Instant poolSessionStart;

    DemoVenues(Rooms rooms, Bookings bookings, Devices devices, SessionEvidence evidence, ObjectProvider<SignInReader> readers,
            Accounts accounts, Tenders tenders, Clock clock) {
        this.rooms = rooms;
        this.bookings = bookings;
        this.devices = devices;
        this.evidence = evidence;
        this.readers = readers;
        this.accounts = accounts;
        this.tenders = tenders;
        this.clock = clock;
    }

    /**
     * In the history, just before the pool tender's evaluation (its committee drawn and signed in with certificates):
     * the centre's rooms, the agency's booking of 第一评标室 for the evaluation, a card reader in it, and the sign-ins it
     * reports (the committee's, sealed until the evaluation ends, and the tenderee's representative).
     */
    void beforePoolEvaluation(TimeTravel travel, UUID poolId, DrawView committee) {
        CurrentUser centre = user("centre");
        Rooms.RoomView hall1 = room("第一开标室", RoomKind.OPENING_HALL, false, 80, centre);
        room("第二开标室", RoomKind.OPENING_HALL, false, 60, centre);
        Rooms.RoomView eval1 = room("第一评标室", RoomKind.EVALUATION_ROOM, true, 11, centre);
        room("第二评标室", RoomKind.EVALUATION_ROOM, true, 9, centre);
        room("第三评标室", RoomKind.EVALUATION_ROOM, false, 7, centre);
        room("远程异地评标席位A", RoomKind.REMOTE_SEAT, false, 1, centre);
        room("远程异地评标席位B", RoomKind.REMOTE_SEAT, false, 1, centre);
        log.debug("demo venues: rooms {} {}", hall1.id(), eval1.id());
        try {
            Instant start = clock.instant().plus(Duration.ofMinutes(1));
            var booking = bookings.book(poolId, new Bookings.BookingRequest(eval1.id(), BookingPurpose.EVALUATION, start,
                    committee.evaluationStart().plus(Duration.ofHours(8))), user("agency"));
            poolBooking = booking.id();
            poolLot = poolId;
            poolSessionStart = start;
            Devices.RegisteredDevice reader = devices.register(eval1.id(), SignInReader.Method.CARD, "第一评标室刷卡签到机", centre);
            SignInReader port = readers.getIfAvailable();
            if (port == null) {
                return;
            }
            travel.travelTo(start.plus(Duration.ofMinutes(1)));
            for (DrawView.Member m : committee.members()) {
                signIn(port, reader, "EXPERT", m.expertId().toString(), m.name());
            }
            signIn(port, reader, "OWNER_REPRESENTATIVE", "tenderee", "周涛");
        } catch (DomainException e) {
            log.warn("demo venues: the pool's evaluation room was not booked: {}", e.toString());
        }
    }

    /**
     * Today: the recording of the pool's evaluation (its SM3 and where the centre keeps it), and the bookings of the
     * school's opening (第一开标室 at its deadline) and evaluation (第一评标室, as its committee request says) and of the
     * road's opening (第二开标室, as its clarification says).
     */
    void today() {
        CurrentUser centre = user("centre");
        UUID poolId = poolLot;
        Optional<TenderView> school = tenders.ofMyOrganisation(user("agency")).stream()
                .filter(t -> t.terms().projectCode().equals("YZ-2026-GC-0101")).findFirst();
        Optional<TenderView> road = tenders.ofMyOrganisation(user("tenderee")).stream()
                .filter(t -> t.terms().projectCode().equals("YZ-2026-GC-0102")).findFirst();
        if (poolBooking != null) {
            evidence.register(poolId, new SessionEvidence.NewRecording(poolBooking,
                    org.sunbid.crypto.Sm3.hex("demo AV recording of " + poolId), "nas://yunzhou-centre/av/2026/第一评标室/" + poolId + ".mp4",
                    poolSessionStart, poolSessionStart.plus(Duration.ofHours(5))), centre);
        }
        List<Rooms.RoomView> usable = rooms.usableFor("990100");
        school.ifPresent(s -> bookSchool(s, usable));
        road.ifPresent(r -> bookRoad(r, usable));
        // The sewage plant's draft: its opening booked in 第一开标室 and its evaluation in 第二评标室; then the agency moves
        // the draft's deadline to the school's, when 第一开标室 is the school's: the evaluation moves, the opening is flagged.
        Optional<TenderView> draft = tenders.ofMyOrganisation(user("agency")).stream()
                .filter(t -> t.terms().projectCode().equals("YZ-2026-GC-0103")).findFirst();
        if (draft.isPresent() && school.isPresent()) {
            TenderView d = draft.get();
            book(d.id(), named(usable, "第一开标室"), BookingPurpose.OPENING, d.bidDeadline(), Duration.ofHours(2), user("agency"));
            book(d.id(), named(usable, "第二评标室"), BookingPurpose.EVALUATION, d.bidDeadline().plus(Duration.ofHours(2)),
                    Duration.ofHours(6), user("agency"));
            TenderTerms t = d.terms();
            try {
                tenders.revise(d.id(), new TenderTerms(t.projectCode(), t.name(), t.category(), t.estimatedPrice(), t.deposit(),
                        t.qualification(), t.evaluationMethod(), school.get().bidDeadline(), t.openingVenue(), t.bidValidityDays(),
                        t.documentsAvailableUntil(), t.notice(), t.lots()), user("agency"));
            } catch (DomainException e) {
                log.warn("demo venues: the draft's deadline was not moved: {}", e.toString());
            }
        }
    }

    private void bookSchool(TenderView school, List<Rooms.RoomView> usable) {
        book(school.id(), named(usable, "第一开标室"), BookingPurpose.OPENING, school.bidDeadline(), Duration.ofHours(2), user("agency"));
        book(school.id(), named(usable, "第一评标室"), BookingPurpose.EVALUATION, school.bidDeadline().plus(Duration.ofHours(2)),
                Duration.ofHours(8), user("agency"));
    }

    private void bookRoad(TenderView roadNow, List<Rooms.RoomView> usable) {
        TenderView road = roadNow;
        book(road.id(), named(usable, "第二开标室"), BookingPurpose.OPENING, roadNow.bidDeadline(), Duration.ofHours(2), user("tenderee"));
        book(road.id(), named(usable, "远程异地评标席位A"), BookingPurpose.EVALUATION, roadNow.bidDeadline().plus(Duration.ofHours(3)),
                Duration.ofHours(6), user("tenderee"));
    }

    private void signIn(SignInReader port, Devices.RegisteredDevice reader, String kind, String ref, String name) {
        String body = "{\"method\":\"CARD\",\"personKind\":\"" + kind + "\",\"personRef\":\"" + ref + "\",\"personName\":\"" + name + "\"}";
        SignInReader.SignIn s = port.read(reader.id(), reader.token(), body);
        evidence.signIn(s, devices.authenticate(reader.id(), reader.token()).orElseThrow());
    }

    private void book(UUID lot, Optional<Rooms.RoomView> room, BookingPurpose purpose, Instant start, Duration length, CurrentUser by) {
        if (room.isEmpty()) {
            return;
        }
        try {
            bookings.book(lot, new Bookings.BookingRequest(room.get().id(), purpose, start, start.plus(length)), by);
        } catch (DomainException e) {
            log.warn("demo venues: {} not booked: {}", room.get().name(), e.toString());
        }
    }

    private static Optional<Rooms.RoomView> named(List<Rooms.RoomView> rooms, String name) {
        return rooms.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    private Rooms.RoomView room(String name, RoomKind kind, boolean isolated, int capacity, CurrentUser centre) {
        return rooms.add(new Rooms.RoomInput("990100", name, kind, isolated, capacity, null, null), centre);
    }

    private CurrentUser user(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }
}
