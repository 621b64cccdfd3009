package org.sunbid.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Supplier;


/**
 * A private key and its certificate kept as PEM files under {@code data/}: the key readable by the owner only, both
 * written atomically so a crash never leaves half a key. Never inside the repository.
 */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** A key with its certificate. */
    public record KeyAndCertificate(PrivateKey key, X509Certificate certificate) {
    }

    /** Loads {@code name}.key.pem and {@code name}.crt.pem from {@code dir}, or creates them with {@code create}. */
    public static KeyAndCertificate loadOrCreate(Path dir, String name, Supplier<KeyAndCertificate> create) {
        Path key = dir.resolve(name + ".key.pem");
        Path cert = dir.resolve(name + ".crt.pem");
        Optional<KeyAndCertificate> existing = load(key, cert);
        if (existing.isPresent()) {
            return existing.get();
        }
        KeyAndCertificate created = create.get();
        write(dir, name, created.key(), created.certificate());
        return created;
    }

    /** Writes a key and certificate as {@code name}.key.pem (owner-only) and {@code name}.crt.pem under {@code dir}. */
    public static void write(Path dir, String name, PrivateKey key, X509Certificate certificate) {
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(name + ".key.pem"), Pem.encode(key), true);
            writeAtomically(dir.resolve(name + ".crt.pem"), Pem.encode(certificate), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " key files under " + dir, e);
        }
    }

    /** Convenience for a freshly generated key pair. */
    public static KeyAndCertificate of(KeyPair keys, X509Certificate certificate) {
        return new KeyAndCertificate(keys.getPrivate(), certificate);
    }

    /**
     * Loads the secret in {@code file} (a password, say), or creates it with {@code create} and writes it readable by
     * the owner only, atomically.
     */
    public static String loadOrCreateSecret(Path file, Supplier<String> create) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(file.getParent());
            String secret = create.get();
            writeAtomically(file, secret, true);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret " + file, e);
        }
    }

    /** Writes {@code secret} to {@code file}, readable by the owner only, atomically. */
    public static void writeSecret(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            writeAtomically(file, secret, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the secret " + file, e);
        }
    }

    private static Optional<KeyAndCertificate> load(Path key, Path cert) {
        if (!Files.exists(key) || !Files.exists(cert)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new KeyAndCertificate(Pem.privateKey(Files.readString(key, StandardCharsets.US_ASCII)),
                    Pem.certificate(Files.readAllBytes(cert))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        } catch (CertificateException e) {
            throw new IllegalStateException("unreadable certificate " + cert, e);
        }
    }

    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".pem");
        if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
