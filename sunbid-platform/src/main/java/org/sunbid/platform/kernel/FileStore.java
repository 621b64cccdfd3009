package org.sunbid.platform.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.stereotype.Component;

/**
 * Content-addressed file storage under {@code data/files}: a file is stored once under its SM3 hash and never changed.
 * Uploads stream through the hash into a temporary file with bounded memory, and are refused as soon as they exceed
 * the limit, before anything is kept. {@link #store} returns only once the file and its name are durable (the content
 * fsynced before the rename, the directory fsynced after it), so a receipt signed afterwards never names a file that a
 * crash could lose.
 */
@Component
public class FileStore {

    private final Path root;
    private final Path incoming;

    FileStore(SunbidProperties properties) {
        this.root = properties.dataDir().resolve("files").toAbsolutePath();
        this.incoming = root.resolve("incoming");
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

    /** Stores {@code in} (read to its end, at most {@code limit} bytes). */
    public Stored store(InputStream in, long limit) throws IOException {
        Path temp = Files.createTempFile(incoming, "upload", ".part");
        try {
            SM3Digest digest = new SM3Digest();
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    size += n;
                    if (size > limit) {
                        throw new TooLargeException(limit);
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
                forceFile(channel); // the content is on disk before the file gets its name
            }
            byte[] hash = new byte[32];
            digest.doFinal(hash, 0);
            String sm3 = HexFormat.of().formatHex(hash);
            Path target = path(sm3);
            boolean newDirectory = !Files.isDirectory(target.getParent());
            Files.createDirectories(target.getParent());
            if (newDirectory) {
                forceDirectory(root); // the new sub-directory's name is on disk
            }
            if (!Files.exists(target)) {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    // stored meanwhile by a concurrent upload of the same content
                }
            }
            forceDirectory(target.getParent()); // and the file's name: durable before anyone is told it was received
            return new Stored(sm3, size);
        } finally {
            Files.deleteIfExists(temp);
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

    /** Removes the stored file with hash {@code sm3} (a rejected upload nobody refers to). */
    public void delete(String sm3) throws IOException {
        Optional<Path> p = find(sm3);
        if (p.isPresent()) {
            Files.deleteIfExists(p.get());
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

    private Path path(String sm3) {
        return root.resolve(sm3.substring(0, 2)).resolve(sm3);
    }
}
