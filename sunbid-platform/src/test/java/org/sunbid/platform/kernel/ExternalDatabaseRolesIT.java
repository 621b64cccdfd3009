package org.sunbid.platform.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * External mode as the README sets it up: a DBA creates an owner and a runtime role by the README's SQL; the
 * migrations run as the owner (no superuser) and grant the runtime role, whatever its name, what the application needs
 * and no more.
 */
class ExternalDatabaseRolesIT {

    private final Path dir = Path.of("target", "it-data", "pg-" + UUID.randomUUID()).toAbsolutePath();

    @Test
    void theMigrationsRunAsTheOwnerAndGrantTheRuntimeRoleOnlyWhatItNeeds() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, dir.resolveSibling(dir.getFileName() + "-keys"), 0)) {
            try (Connection dba = DriverManager.getConnection(server.jdbcUrl(), server.superuser(), server.superuserPassword());
                    Statement s = dba.createStatement()) {
                s.execute("CREATE ROLE shop_owner LOGIN PASSWORD 'owner-secret'");
                s.execute("CREATE ROLE shop_app LOGIN PASSWORD 'app-secret' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
                s.execute("CREATE DATABASE shop OWNER shop_owner");
            }
            String url = server.jdbcUrl().replace("/postgres", "/shop");
            try (Connection dba = DriverManager.getConnection(url, server.superuser(), server.superuserPassword());
                    Statement s = dba.createStatement()) {
                s.execute("ALTER SCHEMA public OWNER TO shop_owner");
                s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
                s.execute("REVOKE TEMPORARY ON DATABASE shop FROM PUBLIC");
                s.execute("GRANT CONNECT ON DATABASE shop TO shop_app");
            }
            Flyway.configure().dataSource(url, "shop_owner", "owner-secret").locations(migrationLocations())
                    .placeholders(Map.of("runtime_user", "shop_app")).load().migrate();

            try (Connection app = DriverManager.getConnection(url, "shop_app", "app-secret"); Statement s = app.createStatement()) {
                assertEquals("0", single(s, "SELECT count(*) FROM log_entry"));
                assertEquals("t", single(s, "SELECT has_table_privilege('region', 'INSERT') AND has_table_privilege('region', 'UPDATE')"
                        + " AND has_table_privilege('region', 'DELETE') AND has_table_privilege('log_entry', 'INSERT')"));
                assertEquals("f", single(s, "SELECT has_table_privilege('region', 'TRUNCATE') OR has_table_privilege('log_entry', 'UPDATE')"
                        + " OR has_table_privilege('log_entry', 'DELETE') OR has_table_privilege('bid_envelope', 'INSERT')"));
                for (String sql : List.of("UPDATE log_entry SET details = details", "DELETE FROM bid_envelope_received",
                        "UPDATE opening_key_share SET encrypted_share = encrypted_share", "TRUNCATE event_publication",
                        "CREATE TABLE intruder (x INT)", "SET session_replication_role = replica",
                        "INSERT INTO flyway_schema_history SELECT * FROM flyway_schema_history LIMIT 1")) {
                    SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                    assertTrue(e.getMessage().contains("permission denied"), sql + ": " + e.getMessage());
                }
                assertEquals("t", single(s, "SELECT has_table_privilege('event_publication', 'UPDATE')"
                        + " AND has_table_privilege('event_publication', 'DELETE')"));
            }
        }
    }

    /** The migration folders, as the application lists them. */
    private static String[] migrationLocations() throws IOException {
        try (InputStream in = ExternalDatabaseRolesIT.class.getResourceAsStream("/application.yml")) {
            Matcher m = Pattern.compile("locations: (\\S+)").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(m.find());
            return m.group(1).split(",");
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
