package org.sunbid.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class Sm2EncryptionTest {

    @Test
    void onlyTheRecipientsKeyDecryptsAndAnyChangeIsDetected() {
        KeyPair recipient = Sm2.generateKeyPair();
        KeyPair other = Sm2.generateKeyPair();
        byte[] contentKey = Sm4Gcm.newKey();

        byte[] wrapped = Sm2.encrypt(recipient.getPublic(), contentKey);
        // C1 (65 bytes, uncompressed point) | C3 (32 bytes SM3) | C2 (as long as the plaintext)
        assertEquals(65 + 32 + contentKey.length, wrapped.length);
        assertEquals(0x04, wrapped[0]);
        assertFalse(Arrays.equals(wrapped, Sm2.encrypt(recipient.getPublic(), contentKey)), "randomised");
        assertArrayEquals(contentKey, Sm2.decrypt(recipient.getPrivate(), wrapped));

        assertThrows(CryptoException.class, () -> Sm2.decrypt(other.getPrivate(), wrapped));
        byte[] altered = wrapped.clone();
        altered[altered.length - 1] ^= 1;
        assertThrows(CryptoException.class, () -> Sm2.decrypt(recipient.getPrivate(), altered));
    }
}
