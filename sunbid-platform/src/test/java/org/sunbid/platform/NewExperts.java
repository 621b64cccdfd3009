package org.sunbid.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.experts.Experts;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Certificates;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.parties.UnifiedSocialCreditCode;
import org.sunbid.platform.trust.DemoCertificateAuthority;

/**
 * Experts and employers that tests add in the city (990100): each expert active, with a phone, a demo-CA certificate
 * and its key under data/demo-keys like the demo's (another test's draw may pick any of them).
 */
public final class NewExperts {

    private static final AtomicInteger SERIAL = new AtomicInteger(500);
    private static final java.util.regex.Pattern REPLY_CODE = java.util.regex.Pattern.compile("回复“1 (\\d{6})”");

    private final ApplicationContext context;
    private final Path keys;

    public NewExperts(ApplicationContext context, Path dataDir) {
        this.context = context;
        this.keys = dataDir.resolve("demo-keys");
    }

    /** A new organisation (e.g. an institute employing experts). */
    public Organisation organisation(String name) {
        String first17 = "12990100" + String.format("MB%07d", SERIAL.incrementAndGet());
        return context.getBean(Organisations.class).register(new Organisations.Registration(
                first17 + UnifiedSocialCreditCode.checkCharacter(first17), name, OrganisationKind.OTHER, "990100"), Actor.SYSTEM);
    }

    /** A new active expert of one specialty; returns the expert's id. */
    public String expert(String specialty, UUID employer) {
        int serial = SERIAL.incrementAndGet();
        String username = "test-expert-" + serial;
        UUID account = context.getBean(Accounts.class).create(new Accounts.NewAccount(username, "测试专家" + serial,
                PlatformIT.PASSWORD, Role.EXPERT, null, "990100"), Actor.SYSTEM);
        KeyPair pair = Sm2.generateKeyPair();
        try {
            Files.writeString(keys.resolve(username + ".key.pem"), Pem.encode(pair.getPrivate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.getBean(Certificates.class).registerForAccount(account, Pem.encode(context.getBean(DemoCertificateAuthority.class)
                .issue("CN=测试专家" + serial + ",OU=评标专家,C=CN", pair.getPublic())), Actor.SYSTEM);
        return context.getBean(Experts.class).register(account, employer, "990100", "高级工程师", List.of(specialty),
                String.format("1370000%04d", serial), Actor.SYSTEM).toString();
    }

    /** The key of an expert account (the demo's or one added here). */
    public PrivateKey keyOf(String username) {
        try {
            return Pem.privateKey(Files.readString(keys.resolve(username + ".key.pem")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expert account reached at {@code phone} (what the phone network knows). */
    public String usernameOf(String phone) {
        return context.getBean(JdbcClient.class).sql("SELECT a.username FROM expert x JOIN account a ON a.id = x.account_id WHERE x.phone = :p")
                .param("p", phone).query(String.class).single();
    }

    /** The draw notices the sandbox gateway sent for {@code venue} since {@code since}: each phone and its reply code. */
    public List<String[]> notices(java.time.Instant since, String venue) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT phone, text FROM sandbox_phone_message WHERE sent_at >= :s AND text LIKE :v ORDER BY sent_at, id")
                .param("s", since.atOffset(java.time.ZoneOffset.UTC)).param("v", "%" + venue + "%")
                .query((rs, i) -> {
                    java.util.regex.Matcher m = REPLY_CODE.matcher(rs.getString(2));
                    if (!m.find()) {
                        throw new IllegalStateException("no reply code in " + rs.getString(2));
                    }
                    return new String[] {rs.getString(1), m.group(1)};
                }).list();
    }

    /** The tenderee's agency asks for a committee of {@code a01} A01 and {@code a05} A05 experts; the supervisor commits. */
    public String requestDraw(ApiClient api, String tenderId, java.time.Instant evaluationStart, String venue, int a01, int a05) {
        ApiClient.Response requested = api.post("/api/v1/tenders/" + tenderId + "/expert-draws", ApiClient.json(java.util.Map.of(
                "evaluationStart", evaluationStart.toString(), "evaluationVenue", venue, "representatives", 0,
                "specialties", List.of(java.util.Map.of("code", "A01", "count", a01), java.util.Map.of("code", "A05", "count", a05)),
                "poolRegions", List.of("990100"), "avoid", List.of())), api.freshToken("agency"));
        if (requested.status() != 200) {
            throw new IllegalStateException(requested.body());
        }
        String drawId = requested.json().path("id").asString();
        ApiClient.Response committed = api.post("/api/v1/expert-draws/" + drawId + "/commitment",
                supervisorSecret(drawId).commitmentJson(), api.freshToken("supervisor"));
        if (committed.status() != 200) {
            throw new IllegalStateException(committed.body());
        }
        return drawId;
    }

    /** The supervisor's secret for draw {@code drawId}, made by their tool on first use (a file beside the demo keys). */
    public SupervisorSecret supervisorSecret(String drawId) {
        Path file = keys.resolve("supervisor-draw-" + drawId + ".secret");
        return SupervisorSecret.make(file); // the tool reads an existing file back
    }

    /**
     * The draw an hour before {@code evaluationStart}: the pool is fixed, the supervisor reveals the secret, and every
     * drawn expert accepts on their sandbox phone. The clock is
     * then 5 minutes past the start. Returns the members' usernames in the order they were asked.
     */
    public List<String> drawAndAccept(java.time.Instant evaluationStart, String venue) {
        TestClock clock = context.getBean(TestClock.class);
        clock.set(evaluationStart.minus(java.time.Duration.ofHours(1)));
        java.time.Instant drawTime = clock.instant();
        context.getBean(org.sunbid.platform.experts.ExpertDraws.class).runDue();
        for (UUID drawId : context.getBean(JdbcClient.class).sql(
                "SELECT id FROM expert_draw WHERE evaluation_venue = :v AND status = 'AWAITING_SECRET'").param("v", venue)
                .query(UUID.class).list()) {
            context.getBean(org.sunbid.platform.experts.ExpertDraws.class).reveal(drawId, supervisorSecret(drawId.toString()).secret(),
                    context.getBean(Accounts.class).findByUsername("supervisor").orElseThrow());
        }
        org.sunbid.platform.experts.SandboxNotifier gateway = context.getBean(org.sunbid.platform.experts.SandboxNotifier.class);
        for (String[] n : notices(drawTime, venue)) {
            gateway.deliver(n[0], "1 " + n[1]);
        }
        clock.set(evaluationStart.plus(java.time.Duration.ofMinutes(5)));
        return notices(drawTime, venue).stream().map(n -> usernameOf(n[0])).toList();
    }

    /** Each member signs in at the evaluation with their certificate. */
    public void signIn(ApiClient api, String drawId, List<String> members) {
        for (String m : members) {
            byte[] challenge = org.sunbid.platform.experts.ExpertDraws.challenge(UUID.fromString(drawId), m)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ApiClient.Response signedIn = api.post("/api/v1/experts/me/draws/" + drawId + "/sign-in", ApiClient.json(java.util.Map.of(
                    "signature", java.util.Base64.getEncoder().encodeToString(Sm2.sign(keyOf(m), challenge)))), api.freshToken(m));
            if (signedIn.status() != 200) {
                throw new IllegalStateException(m + ": " + signedIn.body());
            }
        }
    }
}
