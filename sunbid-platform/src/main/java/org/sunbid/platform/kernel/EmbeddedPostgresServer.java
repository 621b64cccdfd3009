package org.sunbid.platform.kernel;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server, started from the binaries in the zonky jar, keeping its data in a directory that survives
 * restarts. Unlike zonky's test defaults it is durable ({@code fsync} and {@code synchronous_commit} on), and it
 * recovers from a previous JVM that was killed: a postmaster left running from that JVM is shut down, and a stale
 * {@code postmaster.pid} naming no live postmaster is removed, before this one starts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** The file zonky locks while its JVM uses the data directory. */
    static final String LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts PostgreSQL on {@code dataDirectory} (created if new) on {@code port}, 0 for any free port. */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        recoverFromCrash(dir);
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
                .setLocaleConfig("encoding", "UTF8");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dir);
        return new EmbeddedPostgresServer(postgres, dir);
    }

    /** JDBC URL of the {@code postgres} database. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
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
