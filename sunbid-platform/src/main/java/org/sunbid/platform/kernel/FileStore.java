package org.sunbid.platform.kernel;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.sunbid.crypto.Sm3OutputStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Content-addressed file storage under {@code data/files}: a file is stored once under its SM3 hash and never changed.
 * Uploads stream through the hash into a temporary file with bounded memory, and are refused as soon as they exceed
 * the limit, before anything is kept; a caller that checks what it uploads ({@link #store(long, Writer)}) does so in
 * the same pass, and what it refuses is never kept either. {@link #store} returns only once the file is durable, so a
 * receipt signed afterwards never names a file that a crash could lose:
 * <ul>
 * <li>an upload of at most {@code sunbid.files.journal.record-limit} bytes (8 MiB by default) is named without any
 * fsync, and its content appended to the intake journal ({@code data/files/journal}, see {@link IntakeJournal}); the
 * journal is forced once for all the uploads appended so far (group commit), and {@code store} returns once its record
 * is forced. A background checkpoint later forces the named files and their directories, then deletes the journal
 * segment. At start-up, before the store is used, every remaining segment is replayed: a file a record names that is
 * missing, short or damaged and still referred to is written again from the journal and forced.</li>
 * <li>a larger upload keeps the direct path (writing it twice would cost more than its own fsyncs): the content
 * fsynced before the rename, the directory fsynced after it.</li>
 * </ul>
 * Refused content never reaches the journal (a record is appended only after the writer has returned). An upload that
 * was stored and then closed unreferenced, or a file released since, leaves its record until the segment's checkpoint;
 * recovery writes such a file again only if a record still refers to it (or if the references cannot be read at
 * start-up: then it is an unreferenced orphan, which a content-addressed store tolerates).
 * <p>
 * The same bytes may belong to several records of different contexts (a rival can upload a tender document's exact
 * bytes as a "bid"), so the store, not its callers, decides when a file goes: callers tell it which records refer to a
 * file ({@link #reference}, {@link #release}); a file is removed only when no record refers to it and no upload of the
 * same bytes is in flight, and a failed upload removes only a file it created itself. An existing file is trusted
 * only after its hash is checked: a damaged one is replaced by a good upload of the same content.
 */
@Component
public class FileStore implements AutoCloseable {

    /** Which records refer to which files (the {@code stored_file_reference} table, owned by the kernel). */
    public interface References {
        /** Records that {@code holder} (e.g. {@code tendering.document:<id>}) refers to {@code sm3}. */
        void add(String sm3, String holder);

        /** {@code holder} no longer refers to {@code sm3} (committed at once, whatever transaction is running). */
        void remove(String sm3, String holder);

        /** Whether any record refers to {@code sm3}. */
        boolean any(String sm3);
    }

    private final Path root;
    private final Path incoming;
    private final References references;
    /** Uploads up to this size go through the journal; larger ones are forced on their own. */
    private final long journalRecordLimit;
    private final IntakeJournal journal;
    /** Uploads in flight per SM3 (from the moment their hash is known until their caller closes them). */
    private final ConcurrentHashMap<String, InFlight> inFlight = new ConcurrentHashMap<>();

    private static final class InFlight {
        final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
    }

    @Autowired
    FileStore(SunbidProperties properties, References references,
            @Value("${sunbid.files.journal.record-limit:8388608}") long journalRecordLimit,
            @Value("${sunbid.files.journal.segment-size:67108864}") long segmentSize,
            @Value("${sunbid.files.journal.rotation:30s}") Duration rotation,
            @Value("${sunbid.files.journal.checkpoint-delay:35s}") Duration checkpointDelay) {
        this.root = properties.dataDir().resolve("files").toAbsolutePath();
        this.incoming = root.resolve("incoming");
        this.references = references;
        this.journalRecordLimit = journalRecordLimit;
        try {
            Files.createDirectories(incoming);
            Path journalDir = root.resolve("journal");
            recover(journalDir);
            this.journal = journalRecordLimit < 0 ? null : new IntakeJournal(journalDir, segmentSize, rotation, checkpointDelay, new IntakeJournal.Disk() {
                @Override
                public void forceJournal(FileChannel segment) throws IOException {
                    FileStore.this.forceJournal(segment);
                }

                @Override
                public void forceDirectory(Path dir) throws IOException {
                    FileStore.this.forceDirectory(dir);
                }

                @Override
                public void checkpoint(Set<String> sm3s) throws IOException {
                    FileStore.this.checkpoint(sm3s);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the file store in " + root, e);
        }
    }

    /** The defaults: uploads up to 8 MiB journaled, 64 MiB segments, retired after 30 s at most, checkpointed 35 s later. */
    FileStore(SunbidProperties properties, References references) {
        this(properties, references, 8L << 20, 64L << 20, Duration.ofSeconds(30), Duration.ofSeconds(35));
    }

    /** A stored file: its SM3 hash (hex) and size in bytes. */
    public record Stored(String sm3, long size) {
    }

    /** The upload is larger than allowed; nothing was kept. */
    public static class TooLargeException extends IOException {
        public TooLargeException(long limit) {
            super("larger than " + limit + " bytes");
        }
    }

    /**
     * An upload in flight: its file stays at least until {@link #close()}. Reference it ({@link FileStore#reference})
     * in the transaction that records it, and close it after that transaction; closed unreferenced, the file is
     * removed only if this upload created it and no other upload of the same bytes is in flight.
     */
    public final class Upload implements AutoCloseable {
        private final Stored stored;
        private final boolean created;
        private boolean closed;
        private boolean kept;

        private Upload(Stored stored, boolean created) {
            this.stored = stored;
            this.created = created;
        }

        public Stored stored() {
            return stored;
        }

        public String sm3() {
            return stored.sm3();
        }

        public long size() {
            return stored.size();
        }

        /** Whether this upload created the file (it did not exist, or existed damaged and was replaced: false). */
        public boolean created() {
            return created;
        }

        /** The stored file. */
        public Path path() {
            return FileStore.this.path(stored.sm3());
        }

        /**
         * Says that a reference to the file is committed (the caller's transaction recorded it and has ended): closing
         * the upload then keeps the file without asking whether anything refers to it (one database read fewer per
         * upload, issue 21). Call it only after that commit; without it, close asks.
         */
        public void keep() {
            kept = true;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            leave(stored.sm3(), created && !kept);
        }
    }

    /** Stores {@code in} (read to its end, at most {@code limit} bytes); the caller closes the upload. */
    public Upload store(InputStream in, long limit) throws IOException {
        return store(limit, out -> {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
            return null;
        }).upload();
    }

    /**
     * Writes an upload's content into the store's stream, in one pass: whatever it reads, checks or transforms on the
     * way, each byte it writes is hashed and written to disk as it goes.
     */
    @FunctionalInterface
    public interface Writer<T> {
        /**
         * Writes the content to {@code out} and answers what the caller needs of it. {@code out} hashes with SM3 what
         * passes through it (its digest so far may be read, say to check a signature over a prefix, instead of
         * hashing the bytes again); a write beyond the limit throws {@link TooLargeException}. Throwing anything
         * keeps nothing. Closing {@code out} is not needed.
         */
        T write(Sm3OutputStream out) throws IOException;
    }

    /** An upload and what its writer answered; closing it closes the upload. */
    public record Written<T>(Upload upload, T value) implements AutoCloseable {
        @Override
        public void close() {
            upload.close();
        }
    }

    /**
     * Stores what {@code writer} writes (at most {@code limit} bytes), hashing it on its way to disk; the caller closes
     * the upload. Durable before this returns: the file has its name, and its content is on disk, in the forced intake
     * journal or (large uploads) fsynced with its name. If the writer throws (a refused envelope, say), nothing is kept and the exception goes on.
     */
    public <T> Written<T> store(long limit, Writer<T> writer) throws IOException {
        Path temp = Files.createTempFile(incoming, "upload", ".part");
        try {
            T value;
            String sm3;
            long size;
            boolean journaled;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                Sm3OutputStream out = new Sm3OutputStream(new Limited(
                        new BufferedOutputStream(Channels.newOutputStream(channel), 256 * 1024), limit));
                value = writer.write(out);
                out.flush();
                sm3 = out.hex();
                size = out.count();
                journaled = journal != null && size <= journalRecordLimit;
                if (!journaled) {
                    forceFile(channel); // the content is on disk before the file gets its name
                }
            }
            Upload upload = keep(temp, sm3, size, !journaled);
            if (journaled) {
                try {
                    // named first, then journaled: a checkpoint of the record's segment finds the file under its name
                    journal.commit(sm3, size, upload.path());
                } catch (IOException | RuntimeException e) {
                    upload.close();
                    throw e;
                }
            }
            return new Written<>(upload, value);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Gives a complete temporary file its name (its hash); the upload is in flight from here. If {@code durable}, the
     * content was fsynced and the name is made durable here; else the journal makes it so.
     */
    private Upload keep(Path temp, String sm3, long size, boolean durable) throws IOException {
        InFlight entry = join(sm3);
        boolean created;
        try {
            synchronized (entry) {
                Path target = path(sm3);
                boolean newDirectory = !Files.isDirectory(target.getParent());
                Files.createDirectories(target.getParent());
                if (newDirectory && durable) {
                    forceDirectory(root); // the new sub-directory's name is on disk
                }
                if (Files.exists(target)) {
                    if (!intact(target, sm3, size)) { // damaged: the good upload takes its place
                        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
                    created = false;
                } else {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    created = true;
                }
                if (durable) {
                    forceDirectory(target.getParent()); // and the file's name: durable before anyone is told it was received
                }
            }
        } catch (IOException | RuntimeException e) {
            leave(sm3, false);
            throw e;
        }
        return new Upload(new Stored(sm3, size), created);
    }

    /** Passes at most {@code limit} bytes on, then refuses ({@link TooLargeException}); closing only flushes. */
    private static final class Limited extends FilterOutputStream {
        private final long limit;
        private long left;

        Limited(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left < 1) {
                throw new TooLargeException(limit);
            }
            out.write(b);
            left--;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                throw new TooLargeException(limit);
            }
            out.write(b, off, len);
            left -= len;
        }

        @Override
        public void close() throws IOException {
            flush(); // the channel stays open: it is forced, then closed, by the store
        }
    }

    /** Flushes a written file's content to the disk (fsync). */
    void forceFile(FileChannel channel) throws IOException {
        channel.force(true);
    }

    /**
     * Flushes a directory's entries to the disk (fsync of the directory), so a renamed file survives a power cut. Where
     * the platform cannot open a directory for that (Windows), there is nothing more to do.
     */
    void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (java.nio.file.AccessDeniedException | UnsupportedOperationException e) {
            // not supported on this platform
        }
    }

    /** Forces a journal segment's content and length (fdatasync): one for every upload appended so far. */
    void forceJournal(FileChannel segment) throws IOException {
        segment.force(false);
    }

    /**
     * Forces the named files with these hashes that still exist, their directories and the store's root (for new
     * sub-directories): what a journal segment covered until now is then on disk without it.
     */
    void checkpoint(Set<String> sm3s) throws IOException {
        Set<Path> directories = new LinkedHashSet<>();
        for (String sm3 : sm3s) {
            Path file = path(sm3);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                forceFile(channel);
                directories.add(file.getParent());
            } catch (NoSuchFileException e) {
                // released, or refused after it was stored: nothing to keep
            }
        }
        for (Path directory : directories) {
            forceDirectory(directory);
        }
        forceDirectory(root);
    }

    /**
     * Replays what a crash left in the journal: each intact record whose named file is missing, short or damaged is
     * written again from the journal (and forced) if a record still refers to it; the files the segment covers are
     * forced; then the segment is deleted. Reading stops at the first torn header (an append the crash cut short: its
     * upload never returned); a record whose content fails its SM3 was never forced, and is skipped.
     */
    private void recover(Path journalDir) throws IOException {
        for (Path segment : IntakeJournal.segments(journalDir)) {
            Set<String> covered = new LinkedHashSet<>();
            try (FileChannel in = FileChannel.open(segment, StandardOpenOption.READ)) {
                long end = in.size();
                ByteBuffer header = ByteBuffer.allocate(IntakeJournal.HEADER);
                for (long at = 0; end - at >= IntakeJournal.HEADER; ) {
                    header.clear();
                    readFully(in, header, at);
                    header.flip();
                    CRC32C crc = new CRC32C();
                    crc.update(header.array(), 0, IntakeJournal.HEADER - 4);
                    int magic = header.getInt();
                    long size = header.getLong();
                    byte[] hash = new byte[32];
                    header.get(hash);
                    if (magic != IntakeJournal.MAGIC || header.getInt() != (int) crc.getValue() || size < 0
                            || size > end - at - IntakeJournal.HEADER) {
                        break; // a torn tail
                    }
                    long content = at + IntakeJournal.HEADER;
                    at = content + size;
                    String sm3 = HexFormat.of().formatHex(hash);
                    if (!sm3.equals(hash(in, content, size))) {
                        continue; // written but never forced: its upload never returned
                    }
                    Path target = path(sm3);
                    if (!Files.isRegularFile(target) || !intact(target, sm3, size)) {
                        if (!stillReferred(sm3)) {
                            continue; // refused after it was stored, or released since
                        }
                        restore(in, content, size, target);
                    }
                    covered.add(sm3);
                }
            }
            checkpoint(covered);
            Files.delete(segment);
        }
        if (Files.isDirectory(journalDir)) {
            forceDirectory(journalDir);
        }
    }

    private boolean stillReferred(String sm3) {
        try {
            return references.any(sm3);
        } catch (RuntimeException e) {
            return true; // cannot tell: keep it (at worst an orphan)
        }
    }

    /** Writes a journaled file again under its name, from the journal. */
    private void restore(FileChannel journal, long from, long size, Path target) throws IOException {
        Path temp = Files.createTempFile(incoming, "recovered", ".part");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                for (long done = 0; done < size; ) {
                    long n = journal.transferTo(from + done, size - done, out);
                    if (n <= 0) {
                        throw new IOException("the journal ended inside a record");
                    }
                    done += n;
                }
                forceFile(out);
            }
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void readFully(FileChannel in, ByteBuffer buffer, long at) throws IOException {
        while (buffer.hasRemaining()) {
            int n = in.read(buffer, at);
            if (n < 0) {
                throw new java.io.EOFException();
            }
            at += n;
        }
    }

    private static String hash(FileChannel in, long from, long size) throws IOException {
        SM3Digest digest = new SM3Digest();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        for (long done = 0; done < size; ) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), size - done));
            int n = in.read(buffer, from + done);
            if (n < 0) {
                throw new java.io.EOFException();
            }
            digest.update(buffer.array(), 0, n);
            done += n;
        }
        return hex(digest);
    }

    /** Retires the journal's current segment now and checkpoints it (tests). */
    void checkpointNow() throws InterruptedException {
        if (journal != null) {
            journal.rotate();
            journal.awaitCheckpoints();
        }
    }

    /** Stops the journal after a last checkpoint: a clean stop leaves nothing to recover. */
    @Override
    public void close() throws IOException {
        if (journal != null) {
            journal.close();
        }
    }

    /** Records that {@code holder} refers to the file {@code sm3}; call it in the transaction that records the holder. */
    public void reference(String sm3, String holder) {
        references.add(sm3, holder);
    }

    /**
     * {@code holder} no longer needs the file {@code sm3}; the file is removed if nothing else refers to it and no
     * upload of it is in flight. Call it only once the holder's need has ended for good (after the transaction that
     * ended it): the reference is dropped at once.
     */
    public void release(String sm3, String holder) throws IOException {
        references.remove(sm3, holder);
        InFlight entry = join(sm3);
        try {
            synchronized (entry) {
                if (entry.count.get() == 1 && !references.any(sm3)) {
                    Files.deleteIfExists(path(sm3));
                }
            }
        } finally {
            leave(sm3, false);
        }
    }

    /** The stored file with hash {@code sm3}, if any. */
    public Optional<Path> find(String sm3) {
        if (sm3 == null || !sm3.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path p = path(sm3);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private InFlight join(String sm3) {
        return inFlight.compute(sm3, (k, e) -> {
            InFlight entry = e == null ? new InFlight() : e;
            entry.count.incrementAndGet();
            return entry;
        });
    }

    /** Ends one upload of {@code sm3}; if it {@code created} the file, the last one out removes it when unreferenced. */
    private void leave(String sm3, boolean created) {
        InFlight entry = inFlight.get(sm3);
        try {
            if (created) {
                synchronized (entry) {
                    if (entry.count.get() == 1 && !references.any(sm3)) {
                        Files.deleteIfExists(path(sm3));
                    }
                }
            }
        } catch (IOException e) {
            // an orphan in a content-addressed store harms nothing
        } finally {
            inFlight.compute(sm3, (k, e) -> e.count.decrementAndGet() == 0 ? null : e);
        }
    }

    private static boolean intact(Path file, String sm3, long size) throws IOException {
        if (Files.size(file) != size) {
            return false;
        }
        SM3Digest digest = new SM3Digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest).equals(sm3);
    }

    private static String hex(SM3Digest digest) {
        byte[] hash = new byte[32];
        digest.doFinal(hash, 0);
        return HexFormat.of().formatHex(hash);
    }

    private Path path(String sm3) {
        return root.resolve(sm3.substring(0, 2)).resolve(sm3);
    }
}
