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
                    .placeholders(Map.of("runtime_user", "shop_app", "platform_credit_code", "91990100MA0PTFM00M")).load().migrate();

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

    @Test
    void aDatabaseOfAnEarlierVersionKeepsItsCommitmentsBidStatusesAndShareReleases() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, dir.resolveSibling(dir.getFileName() + "-keys"), 0);
                Connection dba = DriverManager.getConnection(server.jdbcUrl(), server.superuser(), server.superuserPassword());
                Statement s = dba.createStatement()) {
            // The schema as the last version before the append-only tables (V40) left it.
            String before = java.util.Arrays.stream(Flyway.configure().dataSource(server.jdbcUrl(), server.superuser(),
                    server.superuserPassword()).locations(migrationLocations()).load().info().all())
                    .map(org.flywaydb.core.api.MigrationInfo::getVersion)
                    .filter(v -> v.compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion("40")) < 0)
                    .max(java.util.Comparator.naturalOrder()).orElseThrow().getVersion();
            Flyway.configure().dataSource(server.jdbcUrl(), server.superuser(), server.superuserPassword())
                    .locations(migrationLocations()).target(before).load().migrate();
            // Rows as the earlier version wrote them (the foreign keys' targets aside: replica mode skips their checks).
            UUID committed = UUID.randomUUID(), pending = UUID.randomUUID(), tender = UUID.randomUUID();
            UUID replaced = UUID.randomUUID(), valid = UUID.randomUUID(), centre = UUID.randomUUID(), tenderee = UUID.randomUUID();
            s.execute("SET session_replication_role = replica");
            s.execute("INSERT INTO log_confidential (id, recorded_at, action, subject, canonical, committed_seq, leaf_index, batch_size)"
                    + " VALUES ('" + committed + "', now(), 'a', 's', '{}', 7, 0, 1), ('" + pending + "', now(), 'a', 's', '{\"x\":1}', NULL, NULL, NULL)");
            s.execute("INSERT INTO bid_envelope (id, tender_id, bidder_id, envelope_sm3, size_bytes, certificate_id, received_at,"
                    + " received_ip, received_by, status, status_at, receipt, receipt_signature) VALUES"
                    + " ('" + replaced + "', '" + tender + "', '" + centre + "', repeat('a', 64), 1, '" + centre + "',"
                    + " '2026-11-01T00:00:00Z', '', 'b', 'REPLACED', '2026-11-02T00:00:00Z', '{}', 's'),"
                    + " ('" + valid + "', '" + tender + "', '" + centre + "', repeat('b', 64), 1, '" + centre + "',"
                    + " '2026-11-02T00:00:00Z', '', 'b', 'VALID', '2026-11-02T00:00:00Z', '{}', 's')");
            s.execute("INSERT INTO tender_opening_key (tender_id, public_key_pem, key_sm3, threshold, custodians, created_at)"
                    + " VALUES ('" + tender + "', 'pem', repeat('c', 64), 2, 3, '2026-11-01T00:00:00Z')");
            s.execute("INSERT INTO opening_key_share (tender_id, share_index, custodian_id, certificate_id, encrypted_share,"
                    + " released_at, released_by) VALUES ('" + tender + "', 1, '" + centre + "', '" + centre + "', 'x',"
                    + " '2026-11-03T00:00:00Z', 'centre'), ('" + tender + "', 2, '" + tenderee + "', '" + centre + "', 'y', NULL, NULL)");
            s.execute("SET session_replication_role = DEFAULT");

            Flyway.configure().dataSource(server.jdbcUrl(), server.superuser(), server.superuserPassword())
                    .locations(migrationLocations()).placeholders(Map.of("runtime_user", server.runtimeUser(), "platform_credit_code", "91990100MA0PTFM00M")).load().migrate();

            assertEquals(committed + ":7:0:1", single(s, "SELECT string_agg(record_id || ':' || committed_seq || ':' || leaf_index"
                    + " || ':' || batch_size, ',') FROM log_confidential_commitment"));
            assertEquals("2", single(s, "SELECT count(*) FROM log_confidential"));
            assertEquals("REPLACED 2026-11-02,VALID 2026-11-02", single(s, "SELECT string_agg(status || ' ' || to_char(status_at AT TIME ZONE 'UTC',"
                    + " 'YYYY-MM-DD'), ',' ORDER BY received_at) FROM bid_envelope"));
            assertEquals("1 centre 2026-11-03", single(s, "SELECT string_agg(share_index || ' ' || released_by || ' '"
                    + " || to_char(released_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), ',') FROM opening_share_release"));
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
