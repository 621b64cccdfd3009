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
     * @param maxFailedLogins failed logins in a row that lock an account
     * @param lockout         how long a locked account stays locked
     * @param apiTokenTtl     how long an API token is valid
     */
    public record Security(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockout,
            @DefaultValue("8h") Duration apiTokenTtl) {
    }
}
