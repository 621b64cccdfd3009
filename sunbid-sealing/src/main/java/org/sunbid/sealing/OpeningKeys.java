package org.sunbid.sealing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;

import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;
import org.sunbid.crypto.Gm;

/**
 * A tender's SM2 opening key as the 32-byte scalar that is split among its custodians, and back: the private key is
 * rebuilt in memory only, from enough shares, at the opening.
 */
public final class OpeningKeys {

    /** Length of an SM2 private scalar in bytes. */
    public static final int SCALAR_LENGTH = 32;

    private OpeningKeys() {
    }

    /** The private scalar of {@code key}, big-endian, 32 bytes. */
    public static byte[] scalar(PrivateKey key) {
        byte[] d = ((ECPrivateKey) key).getS().toByteArray();
        byte[] out = new byte[SCALAR_LENGTH];
        int copy = Math.min(d.length, SCALAR_LENGTH);
        System.arraycopy(d, d.length - copy, out, SCALAR_LENGTH - copy, copy);
        Arrays.fill(d, (byte) 0);
        return out;
    }

    /** The SM2 private key with scalar {@code scalar}. */
    public static PrivateKey privateKey(byte[] scalar) {
        if (scalar.length != SCALAR_LENGTH) {
            throw new IllegalArgumentException("an SM2 scalar has 32 bytes");
        }
        try {
            return KeyFactory.getInstance("EC", Gm.provider()).generatePrivate(
                    new ECPrivateKeySpec(new BigInteger(1, scalar), ECNamedCurveTable.getParameterSpec("sm2p256v1")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
