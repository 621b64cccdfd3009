package org.sunbid.platform.kernel;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: an external PostgreSQL when {@code SUNBID_DB_URL} (property {@code sunbid.db.url}) is set, otherwise the
 * embedded one under {@code data/pg}. Destruction order matters: Spring closes the pool before the server it depends on.
 * <p>
 * Two roles: Flyway migrates as the owner of the schema, the application's pool connects as the runtime role, which
 * the last migration grants only what the application does (and, on the append-only tables, no UPDATE or DELETE).
 * Embedded, the owner is the cluster's superuser and the runtime role {@code sunbid_app}, both with generated passwords
 * in {@code data/keys}. External, {@code SUNBID_DB_OWNER_USER}/{@code SUNBID_DB_OWNER_PASSWORD} migrate and
 * {@code SUNBID_DB_USER}/{@code SUNBID_DB_PASSWORD} run; without an owner user, one role does both (not recommended).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** A role name that needs no quoting (it is written into the grants migration). */
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** The database server: embedded and owned by this process, or external and merely described. */
    record DatabaseServer(String jdbcUrl, String user, String password, String ownerUser, String ownerPassword,
            EmbeddedPostgresServer embedded) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(SunbidProperties properties) throws IOException {
        SunbidProperties.Db db = properties.db();
        if (db.external()) {
            if (!ROLE_NAME.matcher(db.user()).matches()) {
                throw new IllegalStateException("SUNBID_DB_USER must be a plain PostgreSQL role name, not '" + db.user() + "'");
            }
            boolean oneRole = db.ownerUser().isBlank() || db.ownerUser().equals(db.user());
            if (oneRole) {
                log.warn("external PostgreSQL with one role ({}) for migrations and the application: the application could "
                        + "change its own tables; set SUNBID_DB_OWNER_USER/SUNBID_DB_OWNER_PASSWORD (README)", db.user());
            }
            log.info("using external PostgreSQL at {}", db.url());
            return new DatabaseServer(db.url(), db.user(), db.password(), oneRole ? db.user() : db.ownerUser(),
                    oneRole ? db.password() : db.ownerPassword(), null);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties.dataDir().resolve("pg"),
                properties.dataDir().resolve("keys"), db.embeddedPort());
        return new DatabaseServer(server.jdbcUrl(), server.runtimeUser(), server.runtimePassword(), server.superuser(),
                server.superuserPassword(), server);
    }

    /** Flyway migrates as the owner, and grants the runtime role its rights ({@code ${runtime_user}} in V41). */
    @Bean
    FlywayConfigurationCustomizer migrateAsOwner(DatabaseServer server,
            @org.springframework.beans.factory.annotation.Value("${sunbid.platform.credit-code}") String platformCreditCode) {
        // ${platform_credit_code}: the deal codes V62 gives the tenders that existed before projects (deals context)
        return configuration -> configuration
                .dataSource(server.jdbcUrl(), server.ownerUser(), server.ownerPassword())
                .placeholders(Map.of("runtime_user", server.user(), "platform_credit_code", platformCreditCode));
    }

    /**
     * The application's connection pool: {@code sunbid.db.pool-size} connections (default 20). A request holds one only
     * while it talks to the database, so many more requests than connections can be in flight (issue 21: 64 bidders
     * uploading at once, docs/performance.md "Deadline surge").
     */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseServer server,
            @org.springframework.beans.factory.annotation.Value("${sunbid.db.pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("sunbid");
        return new HikariDataSource(config);
    }

    /** Whether the database is the embedded one (demo data loads by default only there). */
    @Bean
    DatabaseKind databaseKind(DatabaseServer server) {
        return server.embedded() != null ? DatabaseKind.EMBEDDED : DatabaseKind.EXTERNAL;
    }
}
