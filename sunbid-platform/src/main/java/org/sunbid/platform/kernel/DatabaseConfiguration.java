package org.sunbid.platform.kernel;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: an external PostgreSQL when {@code SUNBID_DB_URL} (property {@code sunbid.db.url}) is set, otherwise the
 * embedded one under {@code data/pg}. Destruction order matters: Spring closes the pool before the server it depends on.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** The database server: embedded and owned by this process, or external and merely described. */
    record DatabaseServer(String jdbcUrl, String user, String password, EmbeddedPostgresServer embedded)
            implements AutoCloseable {

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
            log.info("using external PostgreSQL at {}", db.url());
            return new DatabaseServer(db.url(), db.user(), db.password(), null);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties.dataDir().resolve("pg"), db.embeddedPort());
        return new DatabaseServer(server.jdbcUrl(), "postgres", "postgres", server);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseServer server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(20);
        config.setPoolName("sunbid");
        return new HikariDataSource(config);
    }

    /** Whether the database is the embedded one (demo data loads by default only there). */
    @Bean
    DatabaseKind databaseKind(DatabaseServer server) {
        return server.embedded() != null ? DatabaseKind.EMBEDDED : DatabaseKind.EXTERNAL;
    }
}
