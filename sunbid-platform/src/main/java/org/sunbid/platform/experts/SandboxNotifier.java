package org.sunbid.platform.experts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.KeyFiles;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.SunbidProperties;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.trust.DemoCertificateAuthority;

/**
 * A sandbox voice/SMS gateway (沙箱短信网关) standing in for a real one: what it "sends" lands in each number's sandbox
 * inbox, which the expert owning the number reads on their workbench; their reply travels back to the platform over
 * HTTP exactly as a gateway's would, signed with the sandbox gateway's own SM2 key (data/keys). Enabled with the demo
 * CA unless {@code sunbid.payments.sandbox.enabled} says otherwise.
 */
@Component
@org.sunbid.platform.kernel.ConditionalOnSandbox
public class SandboxNotifier implements Notifier {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Experts experts;
    private final KeyFiles.KeyAndCertificate identity;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String platformUrl;

    SandboxNotifier(JdbcClient jdbc, Clock clock, Experts experts, SunbidProperties properties,
            DemoCertificateAuthority demoCa, @Value("${sunbid.experts.sandbox.platform-url:}") String platformUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.experts = experts;
        this.platformUrl = platformUrl.isBlank() ? null : platformUrl;
        this.identity = KeyFiles.loadOrCreate(properties.dataDir().resolve("keys"), "sandbox-sms-gateway", () -> {
            KeyPair keys = Sm2.generateKeyPair();
            String subject = "CN=沙箱短信网关 Sandbox SMS Gateway,OU=演示用途 For demonstration only,O=Sunbid,C=CN";
            return KeyFiles.of(keys, demoCa.issueOrSelfSign(subject, keys));
        });
    }

    @EventListener
    void on(WebServerInitializedEvent event) {
        if (platformUrl == null) {
            platformUrl = "http://127.0.0.1:" + event.getWebServer().getPort();
        }
    }

    @Override
    public void send(String phone, String text) {
        jdbc.sql("INSERT INTO sandbox_phone_message (id, phone, text, sent_at) VALUES (:id, :p, :t, :now)")
                .param("id", UUID.randomUUID()).param("p", phone).param("t", text)
                .param("now", OffsetDateTime.now(clock)).update();
    }

    @Override
    public X509Certificate certificate() {
        return identity.certificate();
    }

    /** A message in a sandbox inbox. */
    public record Message(UUID id, String text, Instant sentAt, String reply, Instant repliedAt) {
    }

    /** The sandbox inbox of the signed-in expert's own number, newest first. */
    public List<Message> inbox(CurrentUser user) {
        String phone = phoneOf(user);
        return jdbc.sql("SELECT id, text, sent_at, reply, replied_at FROM sandbox_phone_message WHERE phone = :p ORDER BY sent_at DESC, id")
                .param("p", phone)
                .query((rs, i) -> new Message(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class) == null ? null : rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The expert replies {@code text} from their number; the gateway relays it, signed. Returns the platform's answer. */
    public String reply(String text, CurrentUser user) {
        String phone = phoneOf(user);
        String answer = deliver(phone, text);
        jdbc.sql("""
                UPDATE sandbox_phone_message SET reply = :r, replied_at = :now
                WHERE id = (SELECT id FROM sandbox_phone_message WHERE phone = :p AND reply IS NULL ORDER BY sent_at DESC LIMIT 1)""")
                .param("r", text.length() > 40 ? text.substring(0, 40) : text).param("now", OffsetDateTime.now(clock))
                .param("p", phone).update();
        return answer;
    }

    /** Relays a reply from {@code phone} to the platform, signed; returns the answer code (or the HTTP failure). */
    public String deliver(String phone, String text) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("phone", phone);
        json.put("text", text);
        json.put("receivedAt", clock.instant().toString());
        String body = CanonicalJson.write(json);
        if (platformUrl == null) {
            throw new IllegalStateException("the sandbox gateway does not know the platform's address yet");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(platformUrl + "/api/v1/experts/notifier/replies"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-Gateway-Signature", sign(body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() == 200 ? response.body() : "HTTP " + response.statusCode();
        } catch (java.io.IOException e) {
            return "UNDELIVERED";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "UNDELIVERED";
        }
    }

    String sign(String body) {
        return Base64.getEncoder().encodeToString(Sm2.sign(identity.key(), body.getBytes(StandardCharsets.UTF_8)));
    }

    private String phoneOf(CurrentUser user) {
        return experts.ofAccount(user.accountId()).map(Experts.ExpertProfile::phone)
                .orElseThrow(() -> new DomainException(ExpertsError.EXPERT_NOT_FOUND, "me"));
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
