package org.sunbid.platform.kernel;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.sunbid.crypto.Sm3OutputStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Content-addressed file storage under {@code data/files}: a file is stored once under its SM3 hash and never changed.
 * Uploads stream through the hash into a temporary file with bounded memory, and are refused as soon as they exceed
 * the limit, before anything is kept; a caller that checks what it uploads ({@link #store(long, Writer)}) does so in
 * the same pass, and what it refuses is never kept either. {@link #store} returns only once the file and its name are durable (the content
 * fsynced before the rename, the directory fsynced after it), so a receipt signed afterwards never names a file that a
 * crash could lose.
 * <p>
 * The same bytes may belong to several records of different contexts (a rival can upload a tender document's exact
 * bytes as a "bid"), so the store, not its callers, decides when a file goes: callers tell it which records refer to a
 * file ({@link #reference}, {@link #release}); a file is removed only when no record refers to it and no upload of the
 * same bytes is in flight, and a failed upload removes only a file it created itself. An existing file is trusted
 * only after its hash is checked: a damaged one is replaced by a good upload of the same content.
 */
@Component
public class FileStore {

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
    /** Uploads in flight per SM3 (from the moment their hash is known until their caller closes them). */
    private final ConcurrentHashMap<String, InFlight> inFlight = new ConcurrentHashMap<>();

    private static final class InFlight {
        final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
    }

    @Autowired
    FileStore(SunbidProperties properties, References references) {
        this.root = properties.dataDir().resolve("files").toAbsolutePath();
        this.incoming = root.resolve("incoming");
        this.references = references;
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + incoming, e);
        }
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

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            leave(stored.sm3(), created);
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
     * the upload. Durable as {@link #store(InputStream, long)}: the file has its name, and both are on disk, before
     * this returns. If the writer throws (a refused envelope, say), nothing is kept and the exception goes on.
     */
    public <T> Written<T> store(long limit, Writer<T> writer) throws IOException {
        Path temp = Files.createTempFile(incoming, "upload", ".part");
        try {
            T value;
            String sm3;
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                Sm3OutputStream out = new Sm3OutputStream(new Limited(
                        new BufferedOutputStream(Channels.newOutputStream(channel), 256 * 1024), limit));
                value = writer.write(out);
                out.flush();
                forceFile(channel); // the content is on disk before the file gets its name
                sm3 = out.hex();
                size = out.count();
            }
            return new Written<>(keep(temp, sm3, size), value);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Gives a complete, fsynced temporary file its name (its hash), durably; the upload is in flight from here. */
    private Upload keep(Path temp, String sm3, long size) throws IOException {
        InFlight entry = join(sm3);
        boolean created;
        try {
            synchronized (entry) {
                Path target = path(sm3);
                boolean newDirectory = !Files.isDirectory(target.getParent());
                Files.createDirectories(target.getParent());
                if (newDirectory) {
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
                forceDirectory(target.getParent()); // and the file's name: durable before anyone is told it was received
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
