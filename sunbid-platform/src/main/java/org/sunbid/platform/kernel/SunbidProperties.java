package org.sunbid.platform.kernel;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deployment's settings ({@code sunbid.*}), bound once at start-up.
 *
 * @param dataDir      where the embedded database, the demo CA and the platform's keys live ({@code ./data} by default)
 * @param portalName   the portal's name as the public sees it
 * @param demo         {@code auto} (load demo data into an empty embedded database), {@code true} or {@code false}
 * @param db           an external PostgreSQL; when its URL is empty the embedded one is used
 * @param ca           certificate trust settings
 * @param security     login settings
 */
@ConfigurationProperties("sunbid")
public record SunbidProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("阳光交易 · 公共资源交易平台") String portalName,
        @DefaultValue("auto") String demo,
        @DefaultValue Db db,
        @DefaultValue Ca ca,
        @DefaultValue Security security) {

    /**
     * External database connection; empty {@code url} means embedded PostgreSQL under {@code dataDir/pg}.
     *
     * @param user          the runtime role the application connects as
     * @param ownerUser     the role that owns the schema and runs the migrations (empty: {@code user} does both)
     */
    public record Db(@DefaultValue("") String url, @DefaultValue("") String user, @DefaultValue("") String password,
            @DefaultValue("") String ownerUser, @DefaultValue("") String ownerPassword,
            @DefaultValue("0") int embeddedPort) {

        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param trustedRootsDir a directory of PEM files: the external CA roots trusted in every region (互认)
     * @param demoCa          whether the built-in demo CA is trusted and used (on for development and demos)
     */
    public record Ca(@DefaultValue("") String trustedRootsDir, @DefaultValue("true") boolean demoCa) {
    }

    /**
     * Login settings. Failed logins are throttled by source address and by account, never by locking the account: a
     * source with {@code sourceFreeFailures} failures is refused for {@code sourceBlock}, doubling with each further
     * failure up to {@code maxWait}; an account with {@code accountFreeFailures} failures makes further attempts from
     * sources that have failed wait {@code accountDelay}, doubling likewise, while a clean source signs in at once.
     * Failures are forgotten {@code failureWindow} after the last one (or after its refusal ended).
     *
     * @param sourceFreeFailures  failures a source may make before it is refused for a while
     * @param sourceBlock         the first refusal window of a source
     * @param accountFreeFailures failures on one account before sources that have failed must wait
     * @param accountDelay        the first wait on such an account
     * @param maxWait             the longest refusal window
     * @param failureWindow       how long failures are remembered after the last one
     * @param trustedProxies      addresses of reverse proxies whose {@code X-Forwarded-For} names the source; empty:
     *                            the connection's remote address is the source
     * @param apiTokenTtl         how long an API token is valid
     */
    public record Security(@DefaultValue("10") int sourceFreeFailures, @DefaultValue("1m") Duration sourceBlock,
            @DefaultValue("5") int accountFreeFailures, @DefaultValue("30s") Duration accountDelay,
            @DefaultValue("1h") Duration maxWait, @DefaultValue("15m") Duration failureWindow,
            @DefaultValue java.util.List<String> trustedProxies, @DefaultValue("8h") Duration apiTokenTtl) {
    }
}
