package org.sunbid.platform.payments;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.KeyFiles;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.kernel.SunbidProperties;
import org.sunbid.platform.trust.DemoCertificateAuthority;

/**
 * A sandbox bank (沙箱银行) standing in for a real one: it can be told to pay a deposit, and then notifies the platform
 * over HTTP exactly as a bank would, with the notification signed by its own SM2 key (kept in {@code data/keys}). It
 * takes refund instructions, deduplicated by instruction id, and reports their completion by a signed notification.
 * Enabled with the demo CA unless {@code sunbid.payments.sandbox.enabled} says otherwise; a production platform turns
 * both off and configures a real adapter.
 */
@Component
@org.sunbid.platform.kernel.ConditionalOnSandbox
class SandboxBank implements Bank {

    static final String CODE = "SANDBOX";
    private static final Logger log = LoggerFactory.getLogger(SandboxBank.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyFiles.KeyAndCertificate identity;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Bank.RefundOrder> refunds = new ConcurrentHashMap<>();
    private final Map<String, String> references = new ConcurrentHashMap<>();
    private volatile String notifyUrl;

    SandboxBank(SunbidProperties properties, DemoCertificateAuthority demoCa, Clock clock,
            @Value("${sunbid.payments.sandbox.notify-url:}") String notifyUrl) {
        this.clock = clock;
        this.notifyUrl = notifyUrl.isBlank() ? null : notifyUrl;
        this.identity = KeyFiles.loadOrCreate(properties.dataDir().resolve("keys"), "sandbox-bank", () -> {
            KeyPair keys = Sm2.generateKeyPair();
            String subject = "CN=沙箱银行 Sandbox Bank,OU=演示用途 For demonstration only,O=Sunbid,C=CN";
            X509Certificate certificate = demoCa.issueOrSelfSign(subject, keys);
            return KeyFiles.of(keys, certificate);
        });
    }

    @EventListener
    void on(WebServerInitializedEvent event) {
        if (notifyUrl == null) {
            notifyUrl = "http://127.0.0.1:" + event.getWebServer().getPort();
        }
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String name() {
        return "沙箱银行（演示）";
    }

    @Override
    public String accountPrefix() {
        return "6217";
    }

    @Override
    public X509Certificate certificate() {
        return identity.certificate();
    }

    /** What the platform answered to one notification. */
    record Delivery(String txnId, int status, String answer) {
    }

    /** Pays {@code amount} into {@code subAccount} now and notifies the platform. */
    Delivery pay(String subAccount, Money amount, String payerName, String payerAccount) {
        String txnId = "SBX" + clock.millis() + String.format("%06d", RANDOM.nextInt(1_000_000));
        return deliver(txnId, BankNotification.credit(txnId, subAccount, amount, payerName, payerAccount, clock.instant()));
    }

    /** Signs {@code body} with the sandbox bank's key (base64), as its notifications are signed. */
    String sign(String body) {
        return Base64.getEncoder().encodeToString(Sm2.sign(identity.key(), body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends a notification body, signed, to the platform. */
    Delivery deliver(String txnId, String body) {
        if (notifyUrl == null) {
            throw new IllegalStateException("the sandbox bank does not know the platform's address yet");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(notifyUrl + "/api/v1/payments/banks/" + CODE + "/notifications"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-Bank-Signature", sign(body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Delivery(txnId, response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            return new Delivery(txnId, 0, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(txnId, 0, "interrupted");
        }
    }

    @Override
    public String refund(RefundOrder order) {
        refunds.putIfAbsent(order.instructionId(), order);
        return references.computeIfAbsent(order.instructionId(), id -> "SBXR" + clock.millis() + String.format("%06d",
                RANDOM.nextInt(1_000_000)));
    }

    /** Books the refunds taken so far and notifies the platform of each; returns how many were acknowledged. */
    @Scheduled(fixedDelayString = "${sunbid.payments.sandbox.refund-interval:PT10S}")
    int completeRefunds() {
        if (notifyUrl == null) {
            return 0;
        }
        int done = 0;
        for (RefundOrder order : refunds.values()) {
            String reference = references.get(order.instructionId());
            Delivery d = deliver(reference, BankNotification.refund(reference, order.instructionId(), true, "", clock.instant()));
            if (d.status() == 200) {
                refunds.remove(order.instructionId());
                done++;
            } else {
                log.warn("sandbox refund {} not acknowledged: {} {}", order.instructionId(), d.status(), d.answer());
            }
        }
        return done;
    }
}
