package org.sunbid.platform.kernel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.sunbid.crypto.Sm4Gcm;

/**
 * A context's own keys in one file under data/keys (never in the database): SM4-GCM for what must stay secret until its
 * time, bound to a context string, and a keyed SM3 MAC for looking such values up without revealing them. Whoever holds
 * only the database sees none of it. Each context that needs one has its own vault (its own key file), e.g. experts'
 * draw vault (the supervisor's secret, who was drawn) and the auction's (who stands behind a bidder number).
 */
public class KeyVault {

    /** The vault's randomness, also for callers that need unpredictable salts, numbers or orders. */
    public static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] encryptionKey;
    private final byte[] macKey;
    private final String what;

    /** The vault whose keys are in {@code keyFile} (created owner-only on first use); {@code what} names it in errors. */
    protected KeyVault(Path keyFile, String what) {
        this.what = what;
        byte[] keys = loadOrCreate(keyFile, what);
        this.encryptionKey = Arrays.copyOfRange(keys, 0, Sm4Gcm.KEY_LENGTH);
        this.macKey = Arrays.copyOfRange(keys, Sm4Gcm.KEY_LENGTH, keys.length);
    }

    private static byte[] loadOrCreate(Path file, String what) {
        try {
            if (Files.exists(file)) {
                return HexFormat.of().parseHex(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] keys = new byte[Sm4Gcm.KEY_LENGTH + 32];
            RANDOM.nextBytes(keys);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, HexFormat.of().formatHex(keys));
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the " + what + " vault key " + file, e);
        }
    }

    /** Encrypts {@code plain}; the result is nonce ‖ ciphertext ‖ tag, bound to {@code context}. */
    public byte[] seal(byte[] plain, String context) {
        byte[] nonce = Sm4Gcm.newNonce();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(nonce);
        try (OutputStream enc = Sm4Gcm.encrypting(out, encryptionKey, nonce, context.getBytes(StandardCharsets.UTF_8))) {
            enc.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Decrypts what {@link #seal} made for the same {@code context}. */
    public byte[] open(byte[] sealed, String context) {
        byte[] nonce = Arrays.copyOfRange(sealed, 0, Sm4Gcm.NONCE_LENGTH);
        try (InputStream in = Sm4Gcm.decrypting(new ByteArrayInputStream(sealed, Sm4Gcm.NONCE_LENGTH,
                sealed.length - Sm4Gcm.NONCE_LENGTH), encryptionKey, nonce, context.getBytes(StandardCharsets.UTF_8))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("a sealed " + what + " value does not open: altered or sealed elsewhere", e);
        }
    }

    /** The keyed SM3 MAC (hex) of {@code value}: a lookup index that reveals nothing without the vault key. */
    public String index(String value) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(macKey));
        byte[] in = value.getBytes(StandardCharsets.UTF_8);
        mac.update(in, 0, in.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
