package org.sunbid.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.bouncycastle.crypto.io.InvalidCipherTextIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sunbid.crypto.Sm4Gcm.Implementation;

class Sm4GcmTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] encrypt(Implementation implementation, byte[] plain, byte[] key, byte[] nonce, byte[] aad)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = Sm4Gcm.encrypting(implementation, out, key, nonce, aad)) {
            for (int i = 0; i < plain.length; i += 1000) { // written in pieces, as a stream is
                enc.write(plain, i, Math.min(1000, plain.length - i));
            }
        }
        return out.toByteArray();
    }

    private static byte[] decrypt(Implementation implementation, byte[] cipher, byte[] key, byte[] nonce, byte[] aad)
            throws IOException {
        try (InputStream dec = Sm4Gcm.decrypting(implementation, new ByteArrayInputStream(cipher), key, nonce, aad)) {
            return dec.readAllBytes();
        }
    }

    /** RFC 8998, appendix A.1 (SM4-GCM). */
    @ParameterizedTest
    @EnumSource(Implementation.class)
    void matchesTheRfc8998TestVector(Implementation implementation) throws IOException {
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        byte[] nonce = HEX.parseHex("00001234567800000000abcd");
        byte[] aad = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] plain = HEX.parseHex("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
                + "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa");
        String expected = "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
                + "83de3541e4c2b58177e065a9bf7b62ec";
        assertEquals(expected, HEX.formatHex(encrypt(implementation, plain, key, nonce, aad)));
        assertEquals(HEX.formatHex(plain), HEX.formatHex(decrypt(implementation, HEX.parseHex(expected), key, nonce, aad)));
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void roundTripsAStreamAndDetectsAnyAlteration(Implementation implementation) throws IOException {
        byte[] plain = new byte[1_000_003];
        new Random(7).nextBytes(plain);
        byte[] key = Sm4Gcm.newKey();
        byte[] nonce = Sm4Gcm.newNonce();
        byte[] aad = "header".getBytes(StandardCharsets.UTF_8);

        byte[] cipher = encrypt(implementation, plain, key, nonce, aad);
        assertArrayEquals(plain, decrypt(implementation, cipher, key, nonce, aad));

        byte[] altered = cipher.clone();
        altered[500_000] ^= 1;
        assertThrows(IOException.class, () -> decrypt(implementation, altered, key, nonce, aad));
        assertThrows(IOException.class, () -> decrypt(implementation, cipher, key, nonce, "other header".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> decrypt(implementation, cipher, Sm4Gcm.newKey(), nonce, aad));
    }

    /**
     * Issue 21, acceptance 4: the tables give BouncyCastle's bytes on 10,000 random inputs (random key, nonce, associated
     * data of 0–64 bytes, plaintext of 0–5,000 bytes, written and read in random pieces), each decrypts with the other
     * implementation, and each refuses the same input with a flipped bit in its ciphertext, its tag or its associated
     * data.
     */
    @Test
    void matchesBouncyCastleOnTenThousandRandomInputs() throws IOException {
        Random random = new Random(8998);
        for (int i = 0; i < 10_000; i++) {
            byte[] key = bytes(random, 16);
            byte[] nonce = bytes(random, 12);
            byte[] aad = bytes(random, random.nextInt(65));
            byte[] plain = bytes(random, i < 100 ? i : random.nextInt(5001));
            String what = "input " + i + ", " + plain.length + " bytes, aad " + aad.length;

            byte[] reference = encrypt(Implementation.BOUNCY_CASTLE, plain, key, nonce, aad);
            byte[] ours = encryptInPieces(random, plain, key, nonce, aad);
            assertEquals(HEX.formatHex(reference), HEX.formatHex(ours), what);
            assertArrayEquals(plain, decryptInPieces(random, reference, key, nonce, aad), what);
            assertArrayEquals(plain, decrypt(Implementation.BOUNCY_CASTLE, ours, key, nonce, aad), what);

            byte[] altered = reference.clone();
            altered[random.nextInt(altered.length)] ^= (byte) (1 << random.nextInt(8)); // ciphertext or tag
            assertRefused(altered, key, nonce, aad, what);
            byte[] tagAltered = reference.clone();
            tagAltered[tagAltered.length - 1 - random.nextInt(16)] ^= 0x80;
            assertRefused(tagAltered, key, nonce, aad, what);
            byte[] otherAad = aad.length == 0 ? new byte[1] : aad.clone();
            otherAad[random.nextInt(otherAad.length)] ^= (byte) (1 << random.nextInt(8));
            assertRefused(reference, key, nonce, otherAad, what);
        }
    }

    private static void assertRefused(byte[] cipher, byte[] key, byte[] nonce, byte[] aad, String what) {
        for (Implementation implementation : Implementation.values()) {
            assertThrows(InvalidCipherTextIOException.class, () -> decrypt(implementation, cipher, key, nonce, aad),
                    implementation + ", " + what);
        }
    }

    private static byte[] encryptInPieces(Random random, byte[] plain, byte[] key, byte[] nonce, byte[] aad) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = Sm4Gcm.encrypting(Implementation.TABLES, out, key, nonce, aad)) {
            for (int i = 0; i < plain.length; ) {
                if (random.nextInt(8) == 0) {
                    enc.write(plain[i++]);
                } else {
                    int n = Math.min(plain.length - i, random.nextInt(100) == 0 ? 20_000 : random.nextInt(40));
                    enc.write(plain, i, n);
                    i += n;
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] decryptInPieces(Random random, byte[] cipher, byte[] key, byte[] nonce, byte[] aad) throws IOException {
        // the underlying stream hands out a few bytes at a time, as a socket may
        InputStream trickle = new ByteArrayInputStream(cipher) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(70)));
            }
        };
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (InputStream dec = Sm4Gcm.decrypting(Implementation.TABLES, trickle, key, nonce, aad)) {
            byte[] buffer = new byte[50];
            while (true) {
                if (random.nextInt(8) == 0) {
                    int b = dec.read();
                    if (b < 0) {
                        break;
                    }
                    plain.write(b);
                } else {
                    int n = dec.read(buffer, 0, random.nextInt(buffer.length + 1));
                    if (n < 0) {
                        break;
                    }
                    plain.write(buffer, 0, n);
                }
            }
        }
        return plain.toByteArray();
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * Large reads are decrypted straight into the caller's array: mixed with small ones they give the same plaintext,
     * and a refused stream releases whole blocks only, as with small reads.
     */
    @Test
    void largeAndSmallReadsGiveTheSamePlaintextAndTheSameRefusal() throws IOException {
        byte[] key = Sm4Gcm.newKey();
        byte[] nonce = Sm4Gcm.newNonce();
        Random random = new Random(21);
        for (int length : new int[] {0, 17, 64 * 1024 - 1, 64 * 1024 + 16, 300_001}) {
            byte[] plain = bytes(random, length);
            byte[] cipher = encrypt(Implementation.TABLES, plain, key, nonce, new byte[] {1, 2});
            for (boolean altered : new boolean[] {false, true}) {
                byte[] input = cipher.clone();
                if (altered) {
                    input[input.length - 1] ^= 1;
                }
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                byte[] big = new byte[100_000];
                IOException refused = null;
                try (InputStream dec = Sm4Gcm.decrypting(Implementation.TABLES, new ByteArrayInputStream(input), key, nonce,
                        new byte[] {1, 2})) {
                    for (int n; ; ) {
                        int want = random.nextBoolean() ? 64 * 1024 + random.nextInt(big.length - 64 * 1024) : random.nextInt(100);
                        try {
                            n = dec.read(big, 7, Math.min(want, big.length - 7));
                        } catch (IOException e) {
                            refused = e;
                            break;
                        }
                        if (n < 0) {
                            break;
                        }
                        got.write(big, 7, n);
                    }
                } catch (IOException closing) {
                    // closing after a refusal may throw again: the refusal is what is checked
                }
                if (altered) {
                    assertTrue(refused instanceof InvalidCipherTextIOException, length + " bytes: refused");
                    assertEquals(length & ~15, got.size(), length + " bytes: whole blocks only");
                    assertArrayEquals(Arrays.copyOf(plain, got.size()), got.toByteArray());
                } else {
                    assertEquals(null, refused);
                    assertArrayEquals(plain, got.toByteArray(), length + " bytes");
                }
            }
        }
    }

    /**
     * Decryption returns plaintext before the tag is checked (as BouncyCastle's stream always did: the envelope's
     * opening reads to the end before trusting anything), but exactly as much as BouncyCastle's, never the last partial
     * block of a refused stream, and the failing read is the one that reaches the end.
     */
    @Test
    void releasesNoMoreUnauthenticatedPlaintextThanBouncyCastle() throws IOException {
        byte[] key = Sm4Gcm.newKey();
        byte[] nonce = Sm4Gcm.newNonce();
        for (int length : new int[] {0, 1, 15, 16, 17, 31, 32, 33, 100, 16 * 1024 - 1, 16 * 1024 + 7, 100_000}) {
            byte[] plain = bytes(new Random(length), length);
            byte[] cipher = encrypt(Implementation.TABLES, plain, key, nonce, new byte[0]);
            cipher[cipher.length - 1] ^= 1;
            byte[] released = {};
            for (Implementation implementation : Implementation.values()) {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                try (InputStream dec = Sm4Gcm.decrypting(implementation, new ByteArrayInputStream(cipher), key, nonce, new byte[0])) {
                    assertThrows(InvalidCipherTextIOException.class, () -> dec.transferTo(got));
                    assertEquals(-1, dec.read(), "after the refusal nothing more");
                }
                if (implementation == Implementation.TABLES) {
                    released = got.toByteArray();
                } else {
                    assertEquals(released.length, got.size(), "plaintext released before the refusal, " + length + " bytes");
                }
                assertEquals(length & ~15, got.size(), length + " bytes: whole blocks only");
                assertArrayEquals(Arrays.copyOf(plain, got.size()), got.toByteArray());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void refusesAStreamShorterThanATag(Implementation implementation) {
        byte[] key = Sm4Gcm.newKey();
        byte[] nonce = Sm4Gcm.newNonce();
        assertThrows(InvalidCipherTextIOException.class, () -> decrypt(implementation, new byte[15], key, nonce, null));
        assertThrows(InvalidCipherTextIOException.class, () -> decrypt(implementation, new byte[0], key, nonce, null));
    }

    /** Closing before the end checks the tag over what was read, as BouncyCastle's stream does: it throws. */
    @ParameterizedTest
    @EnumSource(Implementation.class)
    void closingBeforeTheEndThrows(Implementation implementation) throws IOException {
        byte[] key = Sm4Gcm.newKey();
        byte[] nonce = Sm4Gcm.newNonce();
        byte[] cipher = encrypt(implementation, new byte[100_000], key, nonce, null);
        InputStream dec = Sm4Gcm.decrypting(implementation, new ByteArrayInputStream(cipher), key, nonce, null);
        dec.readNBytes(5_000);
        assertThrows(InvalidCipherTextIOException.class, dec::close);
    }

    @Test
    void theSystemPropertyChoosesTheImplementation() {
        assertEquals(Implementation.TABLES, Implementation.fromProperty(null));
        assertEquals(Implementation.TABLES, Implementation.fromProperty("tables"));
        assertEquals(Implementation.BOUNCY_CASTLE, Implementation.fromProperty("bc"));
        assertThrows(IllegalArgumentException.class, () -> Implementation.fromProperty("openssl"));
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void refusesAWrongKeyOrNonceLength(Implementation implementation) {
        assertThrows(IllegalArgumentException.class,
                () -> Sm4Gcm.encrypting(implementation, OutputStream.nullOutputStream(), new byte[15], new byte[12], null));
        assertThrows(IllegalArgumentException.class,
                () -> Sm4Gcm.decrypting(implementation, InputStream.nullInputStream(), new byte[16], new byte[16], null));
    }
}
