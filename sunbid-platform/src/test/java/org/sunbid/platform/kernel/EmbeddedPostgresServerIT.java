package org.sunbid.platform.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL keeps its data across restarts, runs durably, and starts again after the JVM that owned it
 * was killed; it never touches a database that a live process still uses.
 */
class EmbeddedPostgresServerIT {

    private final Path dir = Path.of("target", "it-data", "pg-" + UUID.randomUUID()).toAbsolutePath();
    private final Path keys = dir.resolveSibling(dir.getFileName() + "-keys");

    @Test
    void keepsDataAcrossRestartsAndRunsDurably() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, keys, 0); Connection c = connect(server)) {
            c.createStatement().execute("CREATE TABLE kept (note TEXT)");
            c.createStatement().execute("INSERT INTO kept VALUES ('开标记录')");
            assertEquals("on", single(c, "SHOW fsync"));
            assertEquals("on", single(c, "SHOW synchronous_commit"));
            assertEquals("on", single(c, "SHOW full_page_writes"));
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, keys, 0); Connection c = connect(server)) {
            assertEquals("开标记录", single(c, "SELECT note FROM kept"));
        }
    }

    @Test
    void startsAgainAfterTheOwningJvmWasKilled() throws Exception {
        Process holder = startHolder("written before kill -9");
        try {
            awaitReady(holder);
            long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, PostgreSQL keeps running
            assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                    "the orphaned postmaster should still be running, as after a real kill -9");

            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, keys, 0); Connection c = connect(server)) {
                assertEquals("written before kill -9", single(c, "SELECT note FROM survivor"));
            }
            assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false));
        } finally {
            stop(holder);
        }
    }

    @Test
    void removesAStalePidFileNamingADeadProcess() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, keys, 0); Connection c = connect(server)) {
            c.createStatement().execute("CREATE TABLE kept (note TEXT)");
        }
        // A pid file as after a power cut, naming a process that no longer exists (or, after a reboot, another one).
        Files.writeString(dir.resolve("postmaster.pid"), deadPid() + "\n" + dir + "\n1700000000\n5432\n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, keys, 0); Connection c = connect(server)) {
            assertEquals("0", single(c, "SELECT count(*) FROM kept"));
        }
    }

    @Test
    void refusesADirectoryThatALiveProcessUses() throws Exception {
        Process holder = startHolder("still in use");
        try {
            awaitReady(holder);
            IOException e = assertThrows(IOException.class, () -> EmbeddedPostgresServer.start(dir, keys, 0));
            assertTrue(e.getMessage().contains("in use by another running process"), e.getMessage());
            assertTrue(holder.isAlive(), "the other process and its database must be left alone");
        } finally {
            stop(holder);
        }
    }

    @Test
    void refusesToOpenTheSameDirectoryTwiceInOneProcess() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, keys, 0)) {
            IOException e = assertThrows(IOException.class, () -> EmbeddedPostgresServer.start(dir, keys, 0));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
        }
    }

    @Test
    void nobodyConnectsWithoutItsPassword() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, keys, 0); Connection c = connect(server)) {
            assertHbaRefusesWithoutPassword(server);
            assertEquals("0", single(c, "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method NOT IN ('scram-sha-256')"));
            try (Connection app = DriverManager.getConnection(server.jdbcUrl(), server.runtimeUser(), server.runtimePassword())) {
                assertEquals("sunbid_app", single(app, "SELECT current_user"));
                assertEquals("off", single(app, "SHOW is_superuser"));
                SQLException e = assertThrows(SQLException.class,
                        () -> app.createStatement().execute("SET session_replication_role = replica"));
                assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
                assertThrows(SQLException.class, () -> app.createStatement().execute("CREATE TEMP TABLE scratch (x INT)"));
                assertThrows(SQLException.class, () -> app.createStatement().execute("CREATE TABLE scratch (x INT)"));
            }
            for (String secret : List.of("db-postgres.secret", "db-sunbid_app.secret")) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(keys.resolve(secret))), secret);
            }
            assertFalse(Files.exists(keys.resolve(".initdb-password")), "the password file for initdb is removed");
        }
    }

    @Test
    void aDirectoryThatTrustedEveryLocalUserGetsPasswordsOnStart() throws Exception {
        // As earlier versions left it: zonky's defaults, initialised with trust, the application connecting as postgres.
        try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres old = io.zonky.test.db.postgres.embedded.EmbeddedPostgres
                .builder().setDataDirectory(dir).setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
                Connection c = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"))) {
            c.createStatement().execute("CREATE TABLE kept (note TEXT)");
            c.createStatement().execute("INSERT INTO kept VALUES ('开标记录')");
        }
        assertTrue(EmbeddedPostgresServer.trusts(dir.resolve("pg_hba.conf")));

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, keys, 0); Connection c = connect(server)) {
            assertFalse(EmbeddedPostgresServer.trusts(dir.resolve("pg_hba.conf")), Files.readString(dir.resolve("pg_hba.conf")));
            assertHbaRefusesWithoutPassword(server);
            assertEquals("开标记录", single(c, "SELECT note FROM kept"));
        }
        // And again, now from its passwords.
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, keys, 0); Connection c = connect(server)) {
            assertHbaRefusesWithoutPassword(server);
            assertEquals("开标记录", single(c, "SELECT note FROM kept"));
        }
    }

    @Test
    void theRuntimeRoleIsAnOrdinaryLoginAgainAfterEachStart() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, keys, 0); Connection c = connect(server)) {
            c.createStatement().execute("ALTER ROLE sunbid_app SUPERUSER CREATEROLE");
            c.createStatement().execute("GRANT pg_write_server_files, pg_execute_server_program TO sunbid_app");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, keys, 0); Connection c = connect(server)) {
            assertEquals("f", single(c, "SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls OR rolreplication"
                    + " FROM pg_roles WHERE rolname = 'sunbid_app'"));
            assertEquals("0", single(c, "SELECT count(*) FROM pg_auth_members WHERE member = 'sunbid_app'::regrole"));
        }
    }

    @Test
    void aPasswordProtectedDirectoryWithoutItsKeysIsRefusedByName() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, keys, 0)) {
            assertTrue(server.port() > 0);
        }
        Files.delete(keys.resolve("db-postgres.secret"));
        IOException e = assertThrows(IOException.class, () -> EmbeddedPostgresServer.start(dir, keys, 0));
        assertTrue(e.getMessage().contains("db-postgres.secret"), e.getMessage());
    }

    /** Without a password, or with a wrong one, neither role gets in; nor does anyone as any other name. */
    private static void assertHbaRefusesWithoutPassword(EmbeddedPostgresServer server) {
        for (String user : List.of(server.superuser(), server.runtimeUser(), "nobody")) {
            SQLException none = assertThrows(SQLException.class, () -> DriverManager.getConnection(server.jdbcUrl(), user, null).close(), user);
            assertTrue(none.getMessage().contains("password"), none.getMessage());
            SQLException wrong = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(server.jdbcUrl(), user, "postgres").close(), user);
            assertTrue(wrong.getMessage().contains("password authentication failed"), wrong.getMessage());
        }
    }

    /** No test leaves a PostgreSQL server running on its directory, whether it passed or failed. */
    @AfterEach
    void nothingLeftRunning() {
        List<String> running = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dir.toString())).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
        assertEquals(List.of(), running, "PostgreSQL servers left running on " + dir);
    }

    /**
     * Kills the holder JVM and stops the PostgreSQL server it leaves behind (it has no shutdown hook: like a Sunbid
     * process killed with {@code kill -9}, its server outlives it), as the next start on the directory would.
     */
    private void stop(Process holder) throws Exception {
        holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        EmbeddedPostgresServer.recoverFromCrash(dir);
    }

    private Process startHolder(String note) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PostgresHolder.class.getName());
        command.add(dir.toString());
        command.add(keys.toString());
        command.add(note);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitReady(Process holder) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals("READY")) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("the holder process ended before READY:\n" + seen);
    }

    private static long deadPid() {
        long pid = 4_000_000; // above Linux's default pid_max
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.superuser(), server.superuserPassword());
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
