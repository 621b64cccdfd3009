package org.sunbid.platform.kernel;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.postgresql.PGConnection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sunbid.crypto.KeyFiles;

/**
 * A real PostgreSQL server, started from the binaries in the zonky jar, keeping its data in a directory that survives
 * restarts. Unlike zonky's test defaults it is durable ({@code fsync} and {@code synchronous_commit} on), and it
 * recovers from a previous JVM that was killed: a postmaster left running from that JVM is shut down, and a stale
 * {@code postmaster.pid} naming no live postmaster is removed, before this one starts.
 * <p>
 * Nobody reaches it without a password: {@code pg_hba.conf} allows SCRAM-SHA-256 only, over the loopback interface and
 * the local socket. Two roles: the superuser {@code postgres}, which owns the schema and runs the migrations, and
 * {@code sunbid_app}, which the application runs as (not superuser, not owner, only the grants of the migrations).
 * Their generated passwords are kept in {@code data/keys/} (readable by the owner only).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** The file zonky locks while its JVM uses the data directory. */
    static final String LOCK_FILE = "epg-lock";

    /** The cluster's superuser: owns the schema, runs the migrations, never used by the running application. */
    static final String SUPERUSER = "postgres";
    /** The role the application runs as. */
    static final String RUNTIME_ROLE = "sunbid_app";
    /** The passwords' files under {@code data/keys}, readable by their owner only. */
    static final String SUPERUSER_SECRET = "db-postgres.secret";
    static final String RUNTIME_SECRET = "db-sunbid_app.secret";
    static final String PG_HBA = "pg_hba.conf";
    /** Passwords only, over the loopback interface and the local socket; never {@code trust}. */
    static final String HBA = """
            # Written by Sunbid (kernel.EmbeddedPostgresServer): SCRAM-SHA-256 passwords only, never trust.
            # TYPE  DATABASE  USER  ADDRESS        METHOD
            local   all       all                  scram-sha-256
            host    all       all   127.0.0.1/32   scram-sha-256
            host    all       all   ::1/128        scram-sha-256
            """;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String superuserPassword;
    private final String runtimePassword;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, String superuserPassword,
            String runtimePassword) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.superuserPassword = superuserPassword;
        this.runtimePassword = runtimePassword;
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory} (created if new) on {@code port}, 0 for any free port, its passwords
     * in {@code keysDirectory}. A directory that an earlier version initialised with {@code trust} authentication is
     * converted on the way: the superuser gets its password and {@code pg_hba.conf} is rewritten to SCRAM only.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, Path keysDirectory, int port) throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Path keys = keysDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        recoverFromCrash(dir);
        boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
        boolean trusting = !fresh && trusts(dir.resolve(PG_HBA));
        Path superuserFile = keys.resolve(SUPERUSER_SECRET);
        if (!fresh && !trusting && !Files.exists(superuserFile)) {
            throw new IOException("the database in " + dir + " requires the password kept in " + superuserFile
                    + ", which is missing (restore it from the backup of " + keys + ")");
        }
        String superuserPassword = KeyFiles.loadOrCreateSecret(superuserFile, EmbeddedPostgresServer::newSecret);
        String runtimePassword = KeyFiles.loadOrCreateSecret(keys.resolve(RUNTIME_SECRET), EmbeddedPostgresServer::newSecret);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // Spring stops the server after the connection pool and Modulith's event registry are closed.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "Asia/Shanghai")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setLocaleConfig("encoding", "UTF8")
                // zonky waits for the server by connecting as the superuser
                .setConnectConfig("password", superuserPassword);
        Path passwordFile = null;
        if (fresh) {
            // initdb's own "-A trust" is overridden by the later --auth, and the superuser gets its password at birth.
            passwordFile = keys.resolve(".initdb-password");
            KeyFiles.writeSecret(passwordFile, superuserPassword);
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } finally {
            if (passwordFile != null) {
                Files.deleteIfExists(passwordFile);
            }
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dir, superuserPassword, runtimePassword);
        try {
            server.secure(trusting);
        } catch (SQLException | IOException | RuntimeException e) {
            postgres.close();
            throw new IOException("cannot set up the database roles in " + dir + ": " + e.getMessage(), e);
        }
        log.info("embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dir);
        return server;
    }

    /**
     * Gives the superuser its password and, for a directory from an earlier version, replaces {@code trust} in
     * {@code pg_hba.conf} (the one connection that sets the password is the last one trusted); then makes sure the
     * runtime role exists, may log in with its password, and has no power beyond what the migrations grant it.
     */
    private void secure(boolean trusting) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), SUPERUSER, superuserPassword);
                Statement s = c.createStatement()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            if (trusting) {
                log.warn("{} allowed connections without a password (trust); switching it to SCRAM-SHA-256 passwords",
                        dataDirectory.resolve(PG_HBA));
                pg.alterUserPassword(SUPERUSER, superuserPassword.toCharArray(), "scram-sha-256");
                writeHba(dataDirectory.resolve(PG_HBA));
                s.execute("SELECT pg_reload_conf()");
            }
            boolean exists;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_roles WHERE rolname = '" + RUNTIME_ROLE + "'")) {
                rs.next();
                exists = rs.getInt(1) > 0;
            }
            if (!exists) {
                s.execute("CREATE ROLE " + RUNTIME_ROLE + " LOGIN");
            }
            // Re-asserted on every start: whatever was changed by hand, the runtime role is an ordinary login.
            s.execute("ALTER ROLE " + RUNTIME_ROLE
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT CONNECTION LIMIT -1");
            pg.alterUserPassword(RUNTIME_ROLE, runtimePassword.toCharArray(), "scram-sha-256");
            // Nor a member of any role (pg_write_server_files, say) that someone granted it by hand.
            List<String> memberships = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT quote_ident(r.rolname) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid"
                    + " WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = '" + RUNTIME_ROLE + "')")) {
                while (rs.next()) {
                    memberships.add(rs.getString(1));
                }
            }
            for (String role : memberships) {
                log.warn("revoking role {} from {}", role, RUNTIME_ROLE);
                s.execute("REVOKE " + role + " FROM " + RUNTIME_ROLE);
            }
            // No temporary tables either: the runtime role creates nothing at all.
            s.execute("REVOKE TEMPORARY ON DATABASE postgres FROM PUBLIC");
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT CONNECT ON DATABASE postgres TO " + RUNTIME_ROLE);
        }
    }

    /** Whether {@code pg_hba.conf} has a line (not a comment) using {@code trust}. */
    static boolean trusts(Path hba) throws IOException {
        if (!Files.exists(hba)) {
            return false;
        }
        for (String line : Files.readAllLines(hba, StandardCharsets.UTF_8)) {
            String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            for (String word : content.trim().split("\\s+")) {
                if (word.equals("trust")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void writeHba(Path hba) throws IOException {
        Path tmp = hba.resolveSibling(PG_HBA + ".tmp");
        Files.writeString(tmp, HBA, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        Files.move(tmp, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** JDBC URL of the {@code postgres} database (no credentials in it). */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The superuser, which owns the schema and runs the migrations. */
    public String superuser() {
        return SUPERUSER;
    }

    public String superuserPassword() {
        return superuserPassword;
    }

    /** The role the application runs as: no superuser, no owner, only the rights the migrations grant it. */
    public String runtimeUser() {
        return RUNTIME_ROLE;
    }

    public String runtimePassword() {
        return runtimePassword;
    }

    @Override
    public void close() throws IOException {
        java.util.Optional<ProcessHandle> postmaster = postmaster();
        postgres.close();
        // zonky's pg_ctl stop waits 5 s at most; on a loaded machine the postmaster may still be shutting down then.
        // Return only once it is gone, so the directory is free (a restart, a backup, the next test) when close returns.
        postmaster.ifPresent(p -> {
            try {
                p.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                log.warn("PostgreSQL (pid {}) still running 60 s after it was asked to stop", p.pid());
            }
        });
    }

    /** The running postmaster of this server, from the first line of its {@code postmaster.pid}. */
    private java.util.Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? java.util.Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Makes the data directory startable after the JVM that owned it died without stopping PostgreSQL
     * ({@code kill -9}, power loss). PostgreSQL itself replays its WAL on start; what it cannot do alone is get past a
     * postmaster still running from the dead JVM, or a {@code postmaster.pid} whose PID now belongs to another process.
     */
    static void recoverFromCrash(Path dataDirectory) throws IOException {
        if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            return; // not initialised yet: nothing can be left over, and initdb needs the directory empty
        }
        // zonky holds this lock for as long as its JVM lives: if we cannot take it, the directory is not orphaned but
        // in use by a running process, whose database must not be touched.
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IOException("the database in " + dataDirectory
                        + " is in use by another running process (is Sunbid already running?)");
            }
            stopOrphan(dataDirectory);
        } catch (OverlappingFileLockException e) {
            throw new IOException("the database in " + dataDirectory + " is already open in this process", e);
        }
    }

    private static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> owner = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        if (owner.isPresent() && owner.get().isAlive() && isPostmasterOf(owner.get(), dataDirectory)) {
            ProcessHandle postmaster = owner.get();
            log.warn("a PostgreSQL server (pid {}) left by a previous run still owns {}; shutting it down",
                    postmaster.pid(), dataDirectory);
            // SIGTERM: a smart shutdown, which completes at once as the dead JVM's connections are gone.
            postmaster.destroy();
            try {
                postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("PostgreSQL pid {} did not stop in 30 s; killing it (it will recover from its WAL)", postmaster.pid());
                postmaster.destroyForcibly();
                try {
                    postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception again) {
                    throw new IOException("cannot stop the PostgreSQL server (pid " + postmaster.pid() + ") that holds "
                            + dataDirectory, again);
                }
            }
        }
        if (Files.deleteIfExists(pidFile)) {
            log.warn("removed stale {} left by a previous run", pidFile);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostmasterOf(ProcessHandle process, Path dataDirectory) {
        Optional<String> commandLine = process.info().commandLine();
        if (commandLine.isPresent()) {
            return commandLine.get().contains("postgres") && commandLine.get().contains(dataDirectory.toString());
        }
        // Without a readable command line (another user's process), trust the name only if it is postgres.
        return process.info().command().map(c -> c.endsWith("postgres")).orElse(false);
    }
}
