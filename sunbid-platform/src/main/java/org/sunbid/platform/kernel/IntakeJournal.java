package org.sunbid.platform.kernel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;

/**
 * The file store's intake journal: small uploads are made durable by appending them to one file and forcing that file
 * for every upload appended so far (group commit, as a database does with its write-ahead log), instead of forcing each
 * stored file and its directory on its own. N concurrent uploads cost about one force, not 2N.
 * <p>
 * A record is {@code magic (4) | length (8) | SM3 (32) | CRC-32C of those 44 bytes (4) | content (length)}. The header's
 * checksum frames the record; the content is checked against its SM3. Recovery reads records until the first header
 * that is short or fails its checksum (a torn tail: its upload never returned) and skips a record whose content fails
 * its SM3 (written, never forced, so never acknowledged).
 * <p>
 * Group commit: whoever waits for its record and finds no force in progress becomes the leader and forces the segment
 * for every record appended until then; the others wait for it, and one of them leads the next round. A segment that
 * has grown past its size, or one that is older than the rotation interval, is retired (forced, a new one opened) and
 * checkpointed in the background after a delay: the named files written from it and their directories are forced, then
 * the segment is deleted. The delay (35 s by default) lets the kernel write the files back on its own first (Linux
 * writes dirty pages back after 30 s), so that the checkpoint's forces find little left to do and do not compete with
 * the journal's for the disk. A failed force fails every later upload: the journal's state on disk is then unknown, as PostgreSQL
 * concludes after a failed fsync; a restart recovers from what is on disk.
 */
final class IntakeJournal implements AutoCloseable {

    static final int MAGIC = 0x53424a31; // "SBJ1"
    static final int HEADER = 4 + 8 + 32 + 4;

    /** What the journal asks of the disk and of its store (the store's hooks, so tests can count them). */
    interface Disk {
        /** Forces a segment's content and length (fdatasync). */
        void forceJournal(FileChannel segment) throws IOException;

        void forceDirectory(Path dir) throws IOException;

        /** Forces the named files with these hashes that still exist, and their directories. */
        void checkpoint(Set<String> sm3s) throws IOException;
    }

    /** One journal file: appended to while current, then retired and checkpointed. */
    private static final class Segment {
        final Path path;
        final FileChannel channel;
        final long opened = System.nanoTime();
        /** When it was retired (System.nanoTime()). */
        volatile long retiredAt;
        /** Bytes appended; guarded by the append lock. */
        long size;
        /** The files whose records it holds; guarded by the append lock while current. */
        final Set<String> names = new LinkedHashSet<>();

        Segment(Path path) throws IOException {
            this.path = path;
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    private final Path dir;
    private final long segmentBytes;
    private final Duration rotation;
    /** How long a retired segment waits for its checkpoint: by then the kernel has usually written its files back. */
    private final Duration checkpointDelay;
    /** Retired segments waiting for their checkpoint, oldest first. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Segment> retired = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Disk disk;

    private final ReentrantLock appendLock = new ReentrantLock();
    private Segment current;
    private long nextSegment;
    private long appended;

    private final Object monitor = new Object();
    private long forced;
    private boolean flushing;
    private IOException failure;

    /** One background thread: rotation on a timer, and the checkpoints, one after another. */
    private final ScheduledExecutorService background;

    /** Opens a new journal in {@code dir}; any segment still there must have been recovered (and deleted) before. */
    IntakeJournal(Path dir, long segmentBytes, Duration rotation, Duration checkpointDelay, Disk disk) throws IOException {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.rotation = rotation;
        this.checkpointDelay = checkpointDelay;
        this.disk = disk;
        Files.createDirectories(dir);
        this.nextSegment = segments(dir).stream().mapToLong(IntakeJournal::number).max().orElse(0) + 1;
        this.current = open();
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "file-journal");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, rotation.toMillis() / 2);
        background.scheduleWithFixedDelay(this::rotateIfOld, every, every, TimeUnit.MILLISECONDS);
    }

    /** The segments in {@code dir}, oldest first. */
    static List<Path> segments(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.journal")) {
            files.forEach(found::add);
        }
        found.sort((a, b) -> Long.compare(number(a), number(b)));
        return found;
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - ".journal".length()));
    }

    private Segment open() throws IOException {
        Segment segment = new Segment(dir.resolve(String.format("%019d.journal", nextSegment++)));
        disk.forceDirectory(dir); // the segment's name is durable before any record in it is acknowledged
        return segment;
    }

    /**
     * Appends the content of {@code file} (already named {@code sm3} in the store) and returns once it is forced to
     * disk together with every record appended before it.
     */
    void commit(String sm3, long size, Path file) throws IOException {
        long ticket;
        try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ)) {
            ticket = append(sm3, size, source);
        }
        await(ticket);
    }

    private long append(String sm3, long size, FileChannel source) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        header.putInt(MAGIC).putLong(size).put(HexFormat.of().parseHex(sm3));
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, HEADER - 4);
        header.putInt((int) crc.getValue()).flip();
        appendLock.lock();
        try {
            failed();
            Segment segment = current;
            FileChannel out = segment.channel;
            try {
                while (header.hasRemaining()) {
                    out.write(header);
                }
                for (long done = 0; done < size; ) {
                    long n = source.transferTo(done, size - done, out);
                    if (n <= 0) {
                        throw new IOException("the stored file " + sm3 + " is shorter than " + size + " bytes");
                    }
                    done += n;
                }
            } catch (IOException e) {
                // cut the partial record off, so that records appended after it stay readable
                out.truncate(segment.size);
                out.position(segment.size);
                throw e;
            }
            segment.size += HEADER + size;
            segment.names.add(sm3);
            return ++appended;
        } finally {
            appendLock.unlock();
        }
    }

    private void failed() throws IOException {
        synchronized (monitor) {
            if (failure != null) {
                throw new IOException("the file journal failed; restart to recover", failure);
            }
        }
    }

    /** Returns once record {@code ticket} is forced: leads a force if none is under way, else waits for it. */
    private void await(long ticket) throws IOException {
        while (true) {
            synchronized (monitor) {
                while (true) {
                    if (failure != null) {
                        throw new IOException("the file journal failed; restart to recover", failure);
                    }
                    if (forced >= ticket) {
                        return;
                    }
                    if (!flushing) {
                        flushing = true;
                        break;
                    }
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while waiting for the file journal");
                    }
                }
            }
            lead(false);
        }
    }

    /**
     * Forces what has been appended, as the only leader ({@code flushing} is set by the caller), and retires the
     * segment if it is full (or if {@code rotate} and it holds anything); then hands the leadership back.
     */
    private void lead(boolean rotate) {
        long upTo = 0;
        Segment retired = null;
        IOException error = null;
        try {
            Segment segment;
            boolean full;
            appendLock.lock();
            try {
                upTo = appended;
                segment = current;
                full = segment.size >= segmentBytes;
            } finally {
                appendLock.unlock();
            }
            disk.forceJournal(segment.channel);
            if (rotate || full) {
                appendLock.lock();
                try {
                    if (current.size > 0) {
                        retired = current;
                        disk.forceJournal(retired.channel); // what was appended while the first force ran
                        upTo = appended;
                        current = open();
                    }
                } finally {
                    appendLock.unlock();
                }
            }
        } catch (IOException | RuntimeException e) {
            error = e instanceof IOException io ? io : new IOException(e);
        }
        synchronized (monitor) {
            flushing = false;
            if (error != null) {
                failure = error;
            } else {
                forced = Math.max(forced, upTo);
            }
            monitor.notifyAll();
        }
        if (retired != null) {
            retired.retiredAt = System.nanoTime();
            this.retired.add(retired);
            try {
                background.schedule(() -> checkpoints(false), checkpointDelay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing: close() checkpoints what is left
            }
        }
    }

    /** Takes the leadership (waiting for a running force) to retire the current segment; false if the journal failed. */
    private boolean becomeLeader() throws InterruptedException {
        synchronized (monitor) {
            while (flushing) {
                monitor.wait();
            }
            if (failure != null) {
                return false;
            }
            flushing = true;
            return true;
        }
    }

    private void rotateIfOld() {
        try {
            boolean old;
            appendLock.lock();
            try {
                old = current.size > 0 && System.nanoTime() - current.opened >= rotation.toNanos();
            } finally {
                appendLock.unlock();
            }
            if (old && becomeLeader()) {
                lead(true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the next round tries again; an unretired segment is recovered at start-up
        }
    }

    /** Retires the current segment now, if it holds anything (tests, and closing). */
    void rotate() throws InterruptedException {
        if (becomeLeader()) {
            lead(true);
        }
    }

    /** Checkpoints the retired segments that have waited long enough ({@code all}: every one), oldest first. */
    private synchronized void checkpoints(boolean all) {
        for (Segment segment; (segment = retired.peek()) != null; retired.poll()) {
            if (!all && System.nanoTime() - segment.retiredAt < checkpointDelay.toNanos()) {
                return;
            }
            checkpoint(segment);
        }
    }

    /** Forces the files a retired segment names, then deletes it; if that fails the segment stays for recovery. */
    private void checkpoint(Segment segment) {
        try {
            segment.channel.close();
            disk.checkpoint(segment.names);
            Files.delete(segment.path);
        } catch (IOException | RuntimeException e) {
            // left on disk: the next start-up replays it
        }
    }

    /** Checkpoints every retired segment now, without waiting for its delay (tests, and closing). */
    void awaitCheckpoints() {
        checkpoints(true);
    }

    /** Retires and checkpoints the current segment, and stops; a clean stop leaves no segment to recover. */
    @Override
    public void close() throws IOException {
        try {
            rotate();
            awaitCheckpoints();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            background.shutdownNow();
            checkpoints(true);
            appendLock.lock();
            try {
                current.channel.close();
                if (current.size == 0) {
                    Files.deleteIfExists(current.path);
                }
            } finally {
                appendLock.unlock();
            }
        }
    }
}
