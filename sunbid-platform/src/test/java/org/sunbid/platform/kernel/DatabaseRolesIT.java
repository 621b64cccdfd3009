package org.sunbid.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.PlatformIT;

/**
 * The database does not trust whoever reaches it (issue 13): the application's own role, as an attacker who took over
 * the application (or found an SQL injection) would use it, cannot bypass the append-only triggers, change or remove
 * a row of a protected table, truncate anything or change the schema; and nobody connects without a password.
 * Each attack fails and changes nothing.
 */
class DatabaseRolesIT extends PlatformIT {

    /** The tables whose rows nobody changes or removes once written (V41; docs/architecture.md says why). */
    static final List<String> APPEND_ONLY = List.of("log_entry", "log_node", "log_tree_head", "log_confidential",
            "log_confidential_commitment", "tender_opening_key", "opening_key_share", "opening_share_release",
            "bid_envelope_received", "bid_envelope_status_change", "tender_document", "tender_clarification",
            "bank_payment", "deposit_payment_flag", "evaluation_report_signature", "tender_filing", "tender_filing_decision",
            "method_approval_request", "method_approval_decision", "single_source_publicity", "single_source_objection",
            "single_source_review", "single_source_review_flag",
            "complaint_case_version", "complaint_challenge_signature", "complaint_overdue_flag", "complaint_unfounded_record",
            "offer_round", "offer_round_key_share", "offer_envelope", "offer_round_share_release", "offer_round_opening",
            "flyway_schema_history");

    @Autowired
    DataSource dataSource;

    @Test
    void theApplicationsRoleIsNeitherSuperuserNorOwner() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(single(c, "SELECT current_user")).isEqualTo("sunbid_app");
            assertThat(single(c, "SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("f");
            assertThat(single(c, "SELECT count(*) FROM pg_class WHERE pg_get_userbyid(relowner) = current_user")).isEqualTo("0");
            assertThat(single(c, "SELECT has_schema_privilege('public', 'CREATE')")).isEqualTo("f");
        }
    }

    @Test
    void theApplicationsRoleCannotBypassTheTriggers() throws SQLException {
        Map<String, String> before = snapshot();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("SET session_replication_role = replica"));
            assertThat(e.getMessage()).contains("permission denied");
            for (String sql : List.of("ALTER TABLE log_entry DISABLE TRIGGER log_entry_append_only",
                    "ALTER TABLE bid_envelope_received DISABLE TRIGGER ALL", "DROP TRIGGER log_entry_append_only ON log_entry",
                    "ALTER TABLE opening_key_share OWNER TO sunbid_app",
                    "SET ROLE postgres")) {
                assertThrows(SQLException.class, () -> s.execute(sql), sql);
            }
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theApplicationsRoleCannotChangeOrRemoveARowOfAnAppendOnlyTable() throws SQLException {
        Map<String, String> before = snapshot();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : APPEND_ONLY) {
                String column = firstColumn(c, table);
                for (String sql : List.of("UPDATE " + table + " SET " + column + " = " + column,
                        "DELETE FROM " + table, "TRUNCATE " + table)) {
                    SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                    assertThat(e.getMessage()).as(sql).contains("permission denied");
                }
            }
            // The opening record, once written, is final (a trigger, as the application may complete an opening once).
            SQLException e = assertThrows(SQLException.class,
                    () -> s.execute("UPDATE bid_opening SET record = record WHERE record IS NOT NULL"));
            assertThat(e.getMessage()).contains("final");
            assertThrows(SQLException.class, () -> s.execute("DELETE FROM bid_opening"));
            assertThrows(SQLException.class, () -> s.execute("UPDATE log_state SET size = 0"));
            assertThrows(SQLException.class, () -> s.execute("DELETE FROM log_state"));
            assertThrows(SQLException.class, () -> s.execute("UPDATE bid_envelope SET status = 'WITHDRAWN'"));
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theApplicationsRoleCannotTruncateAnyTableNorChangeTheSchema() throws SQLException {
        Map<String, String> before = snapshot();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("event_publication", "account", "tender", "bid_envelope_received");
            for (String table : tables) {
                SQLException e = assertThrows(SQLException.class, () -> s.execute("TRUNCATE " + table + " CASCADE"), table);
                assertThat(e.getMessage()).as(table).contains("permission denied");
            }
            for (String sql : List.of("CREATE TABLE intruder (x INT)", "CREATE TEMP TABLE intruder (x INT)",
                    "CREATE VIEW intruder AS SELECT 1", "CREATE FUNCTION intruder() RETURNS INT LANGUAGE sql AS 'SELECT 1'",
                    "DROP TABLE account", "DROP VIEW bid_envelope", "ALTER TABLE account ADD COLUMN intruder INT",
                    "ALTER TABLE tender DROP CONSTRAINT tender_pkey", "CREATE INDEX intruder ON account (username)",
                    "CREATE SCHEMA intruder", "ALTER SEQUENCE log_tree_head_id_seq RESTART WITH 1",
                    "SELECT setval('log_tree_head_id_seq', 1)", "DROP FUNCTION log_is_append_only() CASCADE")) {
                assertThrows(SQLException.class, () -> s.execute(sql), sql);
            }
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void nobodyConnectsWithoutAPasswordAndNothingIsTrusted() throws Exception {
        String url = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl();
        for (String user : List.of("sunbid_app", "postgres")) {
            SQLException none = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, user, null).close(), user);
            assertThat(none.getMessage()).contains("password");
            SQLException wrong = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, user, "postgres").close(), user);
            assertThat(wrong.getMessage()).contains("password authentication failed");
        }
        assertThat(EmbeddedPostgresServer.trusts(DATA.resolve("pg").resolve("pg_hba.conf"))).isFalse();
        try (Connection admin = databaseAdministrator()) {
            assertThat(single(admin, "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256' OR error IS NOT NULL"))
                    .isEqualTo("0");
            assertThat(single(admin, "SELECT count(*) FROM pg_authid WHERE rolcanlogin AND rolpassword IS NULL")).isEqualTo("0");
            assertThat(single(admin, "SELECT count(*) FROM pg_authid WHERE rolpassword IS NOT NULL AND rolpassword NOT LIKE 'SCRAM-SHA-256$%'"))
                    .isEqualTo("0");
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(
                DATA.resolve("keys").resolve("db-sunbid_app.secret")))).isEqualTo("rw-------");
    }

    /** Every table's row count and the hash of its content (but the event registry's), as the administrator sees them. */
    private Map<String, String> snapshot() throws SQLException {
        Map<String, String> tables = new LinkedHashMap<>();
        try (Connection c = databaseAdministrator(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            names.remove("event_publication"); // the application completes its own events in the background
            for (String name : names) {
                tables.put(name, single(c, "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM "
                        + name + " t"));
            }
            tables.put("pg_class", single(c, "SELECT count(*) FROM pg_class"));
            tables.put("pg_trigger", single(c, "SELECT count(*) FROM pg_trigger WHERE tgenabled = 'O'"));
        }
        return tables;
    }

    private static String firstColumn(Connection c, String table) throws SQLException {
        return single(c, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '"
                + table + "' ORDER BY ordinal_position LIMIT 1");
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
