package org.sunbid.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 hashing (GB/T 32905-2016): 32-byte digests. */
public final class Sm3 {

    /** Length of an SM3 digest in bytes. */
    public static final int DIGEST_LENGTH = 32;

    private Sm3() {
    }

    /** The SM3 digest of {@code data}. */
    public static byte[] hash(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[DIGEST_LENGTH];
        digest.doFinal(out, 0);
        return out;
    }

    /** The SM3 digest of the UTF-8 bytes of {@code text}, as lower-case hex. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(hash(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The SM3 digest of {@code data}, as lower-case hex. */
    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(hash(data));
    }
}
