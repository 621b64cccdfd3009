package org.sunbid.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.CryptoException;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.sealing.Envelope;
import org.sunbid.sealing.EnvelopeException;
import org.sunbid.sealing.OpeningKeys;
import org.sunbid.sealing.Shamir;

/**
 * Acceptance 2 of the sealed-bids issue: a rogue administrator with full read access to the database, the file store
 * and the platform's own keys before the deadline cannot decrypt a bid; neither can one who also got one custodian's
 * share. The custodians' keys are not the platform's (in the demo they sit in data/demo-keys; in production on the
 * custodians' own certificate devices), so the rogue does not get them.
 */
class EarlyOpeningIT extends PlatformIT {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{43}=");

    @Autowired
    JdbcClient jdbc;

    /** Everything a database dump shows, as text. */
    private String databaseDump() {
        StringBuilder dump = new StringBuilder();
        for (String table : jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_type = 'BASE TABLE'").query(String.class).list()) {
            jdbc.sql("SELECT CAST(t AS TEXT) FROM \"" + table + "\" t").query(String.class).list()
                    .forEach(row -> dump.append(row).append('\n'));
        }
        return dump.toString();
    }

    /** Every 32-byte value the text holds in hex or base64: each a candidate private scalar. */
    private static Set<String> candidates(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher hex = HEX64.matcher(text);
        while (hex.find()) {
            out.add(hex.group().toLowerCase());
        }
        Matcher b64 = BASE64.matcher(text);
        while (b64.find()) {
            out.add(HexFormat.of().formatHex(Base64.getDecoder().decode(b64.group())));
        }
        return out;
    }

    private static boolean opens(byte[] scalar, PublicKey publicKey) {
        try {
            PrivateKey key = OpeningKeys.privateKey(scalar);
            byte[] probe = "probe".getBytes(StandardCharsets.UTF_8);
            return Sm2.verify(publicKey, probe, Sm2.sign(key, probe));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void noBidCanBeDecryptedBeforeTheDeadlineWithTheWholeDatabaseTheFilesAndOneShare() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        String tenderee = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        String tender = api.post("/api/v1/tenders", Fixtures.tenderJson(clock.instant(), Fixtures.projectCode(), Duration.ofDays(21),
                "500000", tenderee), api.token("agency")).json().path("id").asString();
        api.publish(tender, api.token("agency"));
        PublicKey openingKey = Pem.publicKey(api.get("/api/v1/tenders/" + tender + "/opening-key", null).json().path("publicKeyPem").asString());
        Path keys = DATA.resolve("demo-keys");
        List<String> envelopes = new ArrayList<>();
        for (String bidder : List.of("bidder1", "bidder2", "bidder3")) {
            api.post("/api/v1/tenders/" + tender + "/registrations", "", api.freshToken(bidder));
            api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", tender)), api.freshToken(bidder));
            Path file = Files.writeString(Files.createTempFile("bid", ".txt"), "报价 3000000" + bidder.charAt(6) + ".00");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String sm3 = Envelope.seal(new Envelope.Contents(UUID.fromString(tender), "{\"totalPrice\":\"3000000.00\"}", Map.of(),
                    Map.of("bid.txt", file)), openingKey, Pem.privateKey(Files.readString(keys.resolve(creditCodeOf(bidder) + ".key.pem"))),
                    Pem.certificate(Files.readString(keys.resolve(creditCodeOf(bidder) + ".crt.pem"))), clock.instant(), out);
            int status = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(baseUrl() + "/api/v1/tenders/" + tender + "/bids"))
                    .header("Authorization", "Bearer " + api.freshToken(bidder))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(status).isEqualTo(201);
            envelopes.add(sm3);
        }

        // The rogue's haul: the whole database, the file store, and the platform's own keys (data/keys).
        String dump = databaseDump();
        StringBuilder files = new StringBuilder();
        try (Stream<Path> all = Files.walk(DATA)) {
            for (Path p : all.filter(Files::isRegularFile).filter(p -> !p.startsWith(keys) && !p.startsWith(DATA.resolve("pg")))
                    .filter(p -> p.toString().endsWith(".pem") || p.toString().endsWith(".txt") || p.toString().endsWith(".json"))
                    .toList()) {
                files.append(Files.readString(p, StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        Set<String> scalars = candidates(dump + files);
        assertThat(scalars).hasSizeGreaterThan(100); // the haul is real: hashes, salts, ids ...
        for (String candidate : scalars) {
            assertThat(opens(HexFormat.of().parseHex(candidate), openingKey)).as("a scalar in the haul opens the key").isFalse();
        }
        // The platform's own private keys do not unwrap any envelope's content key.
        Path stored = DATA.resolve("files").resolve(envelopes.get(0).substring(0, 2)).resolve(envelopes.get(0));
        Envelope.Verified verified;
        try (var in = Files.newInputStream(stored)) {
            verified = Envelope.verify(in);
        }
        try (Stream<Path> platformKeys = Files.list(DATA.resolve("keys"))) {
            for (Path k : platformKeys.filter(p -> p.toString().endsWith(".key.pem")).toList()) {
                PrivateKey key = Pem.privateKey(Files.readString(k));
                assertThatThrownBy(() -> Sm2.decrypt(key, verified.header().wrappedKey())).isInstanceOf(CryptoException.class);
                assertThatThrownBy(() -> Envelope.open(stored, key, Files.createTempDirectory("rogue"), 1 << 20))
                        .isInstanceOf(EnvelopeException.class);
            }
        }

        // With one custodian's share as well: still nothing.
        String encrypted = api.get("/api/v1/tenders/" + tender + "/opening-key/my-share", api.freshToken("centre")).json()
                .path("encryptedShare").asString();
        var share = new ApiClient.Response(200, "application/json", new String(Sm2.decrypt(
                Pem.privateKey(Files.readString(keys.resolve(creditCodeOf("centre") + ".key.pem"))),
                Base64.getDecoder().decode(encrypted)), StandardCharsets.UTF_8)).json();
        Shamir.Share one = new Shamir.Share(share.path("index").asInt(), share.path("threshold").asInt(),
                Base64.getDecoder().decode(share.path("value").asString()));
        assertThatThrownBy(() -> Shamir.combine(List.of(one))).isInstanceOf(IllegalArgumentException.class);
        assertThat(opens(one.value(), openingKey)).isFalse();

        // Control: the same check does find the key when it is there (two custodians), so the search above was real.
        String encrypted2 = api.get("/api/v1/tenders/" + tender + "/opening-key/my-share", api.freshToken("supervisor")).json()
                .path("encryptedShare").asString();
        var share2 = new ApiClient.Response(200, "application/json", new String(Sm2.decrypt(
                Pem.privateKey(Files.readString(keys.resolve(creditCodeOf("supervisor") + ".key.pem"))),
                Base64.getDecoder().decode(encrypted2)), StandardCharsets.UTF_8)).json();
        Shamir.Share two = new Shamir.Share(share2.path("index").asInt(), share2.path("threshold").asInt(),
                Base64.getDecoder().decode(share2.path("value").asString()));
        assertThat(opens(Shamir.combine(List.of(one, two)), openingKey)).isTrue();
    }
}
