package org.sunbid.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Sm4GcmTest {

    private static byte[] encrypt(byte[] plain, byte[] key, byte[] nonce, byte[] aad) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = Sm4Gcm.encrypting(out, key, nonce, aad)) {
            for (int i = 0; i < plain.length; i += 1000) { // written in pieces, as a stream is
                enc.write(plain, i, Math.min(1000, plain.length - i));
            }
        }
        return out.toByteArray();
    }

    private static byte[] decrypt(byte[] cipher, byte[] key, byte[] nonce, byte[] aad) throws IOException {
        try (InputStream dec = Sm4Gcm.decrypting(new ByteArrayInputStream(cipher), key, nonce, aad)) {
            return dec.readAllBytes();
        }
    }

    /** RFC 8998, appendix A.1 (SM4-GCM). */
    @Test
    void matchesTheRfc8998TestVector() throws IOException {
        java.util.HexFormat hex = java.util.HexFormat.of();
        byte[] key = hex.parseHex("0123456789abcdeffedcba9876543210");
        byte[] nonce = hex.parseHex("00001234567800000000abcd");
        byte[] aad = hex.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] plain = hex.parseHex("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
                + "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa");
        String expected = "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
                + "83de3541e4c2b58177e065a9bf7b62ec";
        org.junit.jupiter.api.Assertions.assertEquals(expected, hex.formatHex(encrypt(plain, key, nonce, aad)));
    }

    @Test
    void roundTripsAStreamAndDetectsAnyAlteration() throws IOException {
        byte[] plain = new byte[1_000_003];
        new Random(7).nextBytes(plain);
        byte[] key = Sm4Gcm.newKey();
        byte[] nonce = Sm4Gcm.newNonce();
        byte[] aad = "header".getBytes(StandardCharsets.UTF_8);

        byte[] cipher = encrypt(plain, key, nonce, aad);
        assertArrayEquals(plain, decrypt(cipher, key, nonce, aad));

        byte[] altered = cipher.clone();
        altered[500_000] ^= 1;
        assertThrows(IOException.class, () -> decrypt(altered, key, nonce, aad));
        assertThrows(IOException.class, () -> decrypt(cipher, key, nonce, "other header".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> decrypt(cipher, Sm4Gcm.newKey(), nonce, aad));
    }
}
