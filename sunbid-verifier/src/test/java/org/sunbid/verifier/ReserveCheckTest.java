package org.sunbid.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm2Certificates;
import org.sunbid.crypto.Sm3;
import org.sunbid.sealing.Envelope;
import org.sunbid.sealing.OpeningKeys;

/**
 * The reserve check on its own, over hand-built log entries and a real envelope: a reserve committed before its
 * deadline and opened into the published amount verifies, and the outcome is recomputed (deal at or above the reserve,
 * no deal below it, the earlier receipt on a tie, no reserve); each insider change — a reserve swapped after bidding, an
 * envelope committed after the deadline, a published amount that is not the envelope's, a bid left out — is named.
 */
class ReserveCheckTest {

    private static final String LOT = "5e0f2b5e-3c1a-4b8e-9f00-0123456789ab";
    private static final Instant T0 = Instant.parse("2026-12-01T01:30:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-12-10T01:00:00Z");

    private final KeyPair platformKeys = Sm2.generateKeyPair();
    private final X509Certificate platform = Sm2Certificates.selfSignedRoot("CN=Platform,C=CN", platformKeys,
            T0.minusSeconds(86400), DEADLINE.plusSeconds(86400 * 365));
    private final KeyPair reserveKey = Sm2.generateKeyPair();
    private final String keySm3 = Envelope.keyId(reserveKey.getPublic());

    private byte[] envelope(String reserveYuan) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Envelope.sealStream(UUID.fromString(LOT), "{\"totalPrice\":\"" + reserveYuan + "\"}", Map.of(), "底价.txt",
                new ByteArrayInputStream("底价".getBytes(StandardCharsets.UTF_8)), reserveKey.getPublic(),
                data -> Sm2.sign(platformKeys.getPrivate(), data), platform, T0, out);
        return out.toByteArray();
    }

    private static JsonNodeBuilder json(Map<String, Object> m) {
        return new JsonNodeBuilder(m);
    }

    private record JsonNodeBuilder(Map<String, Object> map) {
        tools.jackson.databind.JsonNode node() {
            return LogClient.json().readTree(CanonicalJson.write(map));
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The lot's entries as the platform logs them, for {@code envelope} holding {@code reserveFen}. */
    private List<ReserveCheck.Entry> entries(byte[] envelope, long reserveFen, String publishedYuan, Instant sealedAt,
            List<String> bids) {
        List<ReserveCheck.Entry> e = new ArrayList<>();
        e.add(new ReserveCheck.Entry(10, T0, ReserveCheck.KEY_CREATED,
                json(map("keySm3", keySm3, "publicKey", Pem.encode(reserveKey.getPublic()))).node()));
        e.add(new ReserveCheck.Entry(12, sealedAt, ReserveCheck.SEALED,
                json(map("envelopeSm3", Sm3.hex(envelope), "deadline", DEADLINE.toString())).node()));
        if (!bids.isEmpty()) {
            e.add(new ReserveCheck.Entry(20, DEADLINE.plusSeconds(60), ReserveCheck.BIDS, json(map("fromSeq", 1, "toSeq",
                    bids.size(), "bidsSm3", Sm3.hex(ReserveCheck.lines(bids)))).node()));
        }
        e.add(new ReserveCheck.Entry(30, DEADLINE.plusSeconds(3600), ReserveCheck.ENDED,
                json(map("bids", bids.size(), "bidsSm3", Sm3.hex(ReserveCheck.lines(bids)))).node()));
        Map<String, Object> record = map("type", "sunbid.reserve-record", "tenderId", LOT, "keySm3", keySm3,
                "envelopeSm3", Sm3.hex(envelope), "envelopeLogSeq", 12, "deadline", DEADLINE.toString(),
                "openingKey", HexFormat.of().formatHex(OpeningKeys.scalar(reserveKey.getPrivate())),
                "reserveFen", reserveFen);
        String recordJson = CanonicalJson.write(record);
        String signature = Base64.getEncoder().encodeToString(Sm2.sign(platformKeys.getPrivate(),
                recordJson.getBytes(StandardCharsets.UTF_8)));
        e.add(new ReserveCheck.Entry(31, DEADLINE.plusSeconds(7200), ReserveCheck.OPENED,
                json(map("record", recordJson, "signature", signature)).node()));
        e.add(new ReserveCheck.Entry(32, DEADLINE.plusSeconds(7200), ReserveCheck.PUBLISHED,
                json(map("reserve", publishedYuan)).node()));
        return e;
    }

    private ReserveCheck.Outcome check(List<ReserveCheck.Entry> entries, byte[] envelope, List<String> bids) {
        return ReserveCheck.check(entries, envelope, bids, platformKeys.getPublic(), LOT);
    }

    private static final List<String> BIDS = List.of("1|381204|1000000|2026-12-10T02:00:00Z|ASCENDING",
            "2|550917|1100000|2026-12-10T02:01:00Z|ASCENDING", "3|381204|1200000|2026-12-10T02:02:00Z|ASCENDING");

    @Test
    void land39_art10_reserveCommittedBeforeTheDeadlineVerifiesAndTheOutcomeIsRecomputed() throws Exception {
        byte[] envelope = envelope("11500.00");
        ReserveCheck.Outcome met = check(entries(envelope, 1_150_000, "11500.00", DEADLINE.minusSeconds(600), BIDS), envelope, BIDS);
        assertNull(met.problem());
        assertEquals("381204", met.winner());
        assertEquals(1_200_000L, met.price());

        byte[] high = envelope("12500.00");
        ReserveCheck.Outcome notMet = check(entries(high, 1_250_000, "12500.00", DEADLINE.minusSeconds(600), BIDS), high, BIDS);
        assertNull(notMet.problem());
        assertNull(notMet.winner()); // 39号令 Art. 19/25: the highest bid below the reserve makes no deal
        assertTrue(notMet.text().contains("below the reserve"), notMet.text());
    }

    @Test
    void aTieGoesToTheEarlierReceiptAndNoReserveMeansTheHighestBidWins() {
        List<String> tie = List.of("1|111111|500|2026-12-10T02:00:00Z|TIMED", "2|222222|500|2026-12-10T02:00:00.001Z|TIMED");
        assertEquals("111111", ReserveCheck.outcome(null, tie).winner());
        assertEquals("111111", ReserveCheck.outcome(500L, tie).winner());
        assertNull(ReserveCheck.outcome(501L, tie).winner());
        assertEquals(0, ReserveCheck.outcome(1L, List.of()).bids());
    }

    @Test
    void aReserveCommittedAfterItsDeadlineIsNamed() throws Exception {
        byte[] envelope = envelope("11500.00");
        ReserveCheck.Outcome late = check(entries(envelope, 1_150_000, "11500.00", DEADLINE.plusSeconds(1), BIDS), envelope, BIDS);
        assertTrue(late.problem().contains("not before its deadline"), late.problem());
    }

    @Test
    void aPublishedReserveThatIsNotTheEnvelopesIsNamed() throws Exception {
        byte[] envelope = envelope("11500.00");
        // an insider publishes a lower reserve (and signs a record saying so): the envelope still says 11500.00
        ReserveCheck.Outcome swapped = check(entries(envelope, 1_100_000, "11000.00", DEADLINE.minusSeconds(600), BIDS), envelope, BIDS);
        assertTrue(swapped.problem().contains("holds 11500.00"), swapped.problem());
        // or serves another envelope than the committed one
        byte[] other = envelope("11000.00");
        ReserveCheck.Outcome otherEnvelope = check(entries(envelope, 1_150_000, "11500.00", DEADLINE.minusSeconds(600), BIDS), other, BIDS);
        assertTrue(otherEnvelope.problem().contains("not the committed one"), otherEnvelope.problem());
    }

    @Test
    void aReserveReplacedAfterTheCountingOneIsNamed() throws Exception {
        byte[] envelope = envelope("11500.00");
        List<ReserveCheck.Entry> entries = new ArrayList<>(entries(envelope, 1_150_000, "11500.00", DEADLINE.minusSeconds(600), BIDS));
        entries.add(2, new ReserveCheck.Entry(13, DEADLINE.minusSeconds(300), ReserveCheck.SEALED,
                json(map("envelopeSm3", Sm3.hex("another"), "deadline", DEADLINE.toString())).node()));
        ReserveCheck.Outcome outcome = check(entries, envelope, BIDS);
        assertTrue(outcome.problem().contains("not the last one committed"), outcome.problem());
    }

    @Test
    void aBidLeftOutOfThePublishedListIsNamed() throws Exception {
        byte[] envelope = envelope("11500.00");
        List<ReserveCheck.Entry> entries = entries(envelope, 1_150_000, "11500.00", DEADLINE.minusSeconds(600), BIDS);
        ReserveCheck.Outcome outcome = check(entries, envelope, BIDS.subList(0, 2));
        assertTrue(outcome.problem().contains("do not hash to the end entry"), outcome.problem());
    }
}
