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
}
