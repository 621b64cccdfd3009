package org.sunbid.platform.auction;

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
import org.springframework.stereotype.Component;
import org.sunbid.crypto.Sm4Gcm;
import org.sunbid.platform.kernel.SunbidProperties;

/**
 * The auction context's own keys (data/keys/auction-vault.key, never in the database), as the expert draw's vault:
 * SM4-GCM for who stands behind a bidder number until bidding ends, and a keyed SM3 MAC to find a bidder's own number
 * without revealing it. Whoever holds only the database (a database administrator) links no number to anyone.
 */
@Component
class AuctionVault {

    static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] encryptionKey;
    private final byte[] macKey;

    AuctionVault(SunbidProperties properties) {
        byte[] keys = loadOrCreate(properties.dataDir().resolve("keys").resolve("auction-vault.key"));
        this.encryptionKey = Arrays.copyOfRange(keys, 0, Sm4Gcm.KEY_LENGTH);
        this.macKey = Arrays.copyOfRange(keys, Sm4Gcm.KEY_LENGTH, keys.length);
    }

    private static byte[] loadOrCreate(Path file) {
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
            throw new UncheckedIOException("cannot read or create the auction vault key " + file, e);
        }
    }

    /** Encrypts {@code plain} bound to {@code context}: nonce ‖ ciphertext ‖ tag. */
    byte[] seal(byte[] plain, String context) {
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
    byte[] open(byte[] sealed, String context) {
        byte[] nonce = Arrays.copyOfRange(sealed, 0, Sm4Gcm.NONCE_LENGTH);
        try (InputStream in = Sm4Gcm.decrypting(new ByteArrayInputStream(sealed, Sm4Gcm.NONCE_LENGTH,
                sealed.length - Sm4Gcm.NONCE_LENGTH), encryptionKey, nonce, context.getBytes(StandardCharsets.UTF_8))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("a sealed bidder identity does not open: altered or sealed elsewhere", e);
        }
    }

    /** The keyed SM3 MAC (hex) of {@code value}. */
    String index(String value) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(macKey));
        byte[] in = value.getBytes(StandardCharsets.UTF_8);
        mac.update(in, 0, in.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
