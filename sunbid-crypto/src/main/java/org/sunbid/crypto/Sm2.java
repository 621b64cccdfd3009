package org.sunbid.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/**
 * SM2 keys and signatures (GB/T 32918): SM3withSM2 with the signer's distinguishing identifier.
 *
 * <p>Signatures use the default identifier {@code 1234567812345678} of GM/T 0009 unless told otherwise,
 * which is what Chinese CA middleware and USB keys use.
 */
public final class Sm2 {

    /** GM/T 0009's default user identifier for SM2 signatures. */
    public static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    /** The JCA name of the SM3withSM2 signature algorithm. */
    public static final String SIGNATURE_ALGORITHM = "SM3withSM2";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm2() {
    }

    /** A fresh SM2 key pair on the sm2p256v1 curve. */
    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Gm.provider());
            generator.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("SM2 key generation failed", e);
        }
    }

    /** Signs {@code data} with SM3withSM2 and the default user identifier; DER-encoded signature. */
    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(SIGNATURE_ALGORITHM, Gm.provider());
            signature.setParameter(new SM2ParameterSpec(DEFAULT_USER_ID));
            signature.initSign(key, RANDOM);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("SM2 signing failed", e);
        }
    }

    /**
     * Encrypts {@code data} to {@code key} with SM2 public-key encryption (GB/T 32918.4), ciphertext in the C1C3C2
     * order of the current standard (GM/T 0009-2012), C1 uncompressed.
     */
    public static byte[] encrypt(PublicKey key, byte[] data) {
        try {
            org.bouncycastle.crypto.engines.SM2Engine engine =
                    new org.bouncycastle.crypto.engines.SM2Engine(org.bouncycastle.crypto.engines.SM2Engine.Mode.C1C3C2);
            engine.init(true, new org.bouncycastle.crypto.params.ParametersWithRandom(
                    org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil.generatePublicKeyParameter(key), RANDOM));
            return engine.processBlock(data, 0, data.length);
        } catch (GeneralSecurityException | org.bouncycastle.crypto.InvalidCipherTextException e) {
            throw new CryptoException("SM2 encryption failed", e);
        }
    }

    /**
     * Decrypts an SM2 C1C3C2 ciphertext with {@code key}.
     *
     * @throws CryptoException if the ciphertext is damaged or was not made for this key (its SM3 check fails)
     */
    public static byte[] decrypt(PrivateKey key, byte[] ciphertext) {
        try {
            org.bouncycastle.crypto.engines.SM2Engine engine =
                    new org.bouncycastle.crypto.engines.SM2Engine(org.bouncycastle.crypto.engines.SM2Engine.Mode.C1C3C2);
            engine.init(false, org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil.generatePrivateKeyParameter(key));
            return engine.processBlock(ciphertext, 0, ciphertext.length);
        } catch (GeneralSecurityException | org.bouncycastle.crypto.InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException("SM2 decryption failed: wrong key or damaged ciphertext", e);
        }
    }

    /**
     * The base64 SM3withSM2 signature of a text statement's UTF-8 bytes — how a party signs a canonical statement (a bid
     * withdrawal, a challenge) with its certificate's key.
     */
    public static String signText(PrivateKey key, String statement) {
        return java.util.Base64.getEncoder().encodeToString(sign(key, statement.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Whether {@code signatureBase64} is a valid {@link #signText} signature of {@code statement} by {@code key}; never throws. */
    public static boolean verifyText(PublicKey key, String statement, String signatureBase64) {
        try {
            return verify(key, statement.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.util.Base64.getDecoder().decode(signatureBase64 == null ? "" : signatureBase64.strip()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether {@code signature} is a valid SM3withSM2 signature of {@code data} under {@code key}. Never throws for a bad signature. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM, Gm.provider());
            verifier.setParameter(new SM2ParameterSpec(DEFAULT_USER_ID));
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
