package org.sunbid.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.Random;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/** The table-based SM4 block cipher against GB/T 32907-2016's examples and BouncyCastle's engine. */
class Sm4Test {

    private static final HexFormat HEX = HexFormat.of();

    /** GB/T 32907-2016, appendix A, example 1: one encryption. */
    @Test
    void encryptsTheStandardsFirstExample() {
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        byte[] block = key.clone();
        Sm4.encryptBlock(Sm4.roundKeys(key), block, 0, block, 0);
        assertEquals("681edf34d206965e86b3e94f536e4246", HEX.formatHex(block));
    }

    /** GB/T 32907-2016, appendix A, example 2: the same plaintext encrypted 1,000,000 times with the same key. */
    @Test
    void encryptsTheStandardsSecondExampleAMillionTimes() {
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        int[] rk = Sm4.roundKeys(key);
        byte[] block = key.clone();
        for (int i = 0; i < 1_000_000; i++) {
            Sm4.encryptBlock(rk, block, 0, block, 0);
        }
        assertEquals("595298c7c6fd271f0402f804c33d3f66", HEX.formatHex(block));
    }

    @Test
    void matchesBouncyCastleOnRandomKeysAndBlocks() {
        Random random = new Random(32907);
        SM4Engine reference = new SM4Engine();
        for (int i = 0; i < 10_000; i++) {
            byte[] key = new byte[16];
            byte[] block = new byte[16];
            random.nextBytes(key);
            random.nextBytes(block);
            byte[] expected = new byte[16];
            reference.init(true, new KeyParameter(key));
            reference.processBlock(block, 0, expected, 0);
            byte[] actual = new byte[16];
            Sm4.encryptBlock(Sm4.roundKeys(key), block, 0, actual, 0);
            assertEquals(HEX.formatHex(expected), HEX.formatHex(actual), "key " + HEX.formatHex(key));
        }
    }
}
