package org.sunbid.bidder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;

/** {@code sign}: an expert signs the sign-in challenge with the key in a PEM file; the line verifies under its public key. */
class SignCommandTest {

    private static final String CHALLENGE = "sunbid-sign-in/v1 专家登录 7f3a9c1e 2026-11-23T01:30:00Z";

    @Test
    void printsTheBase64Sm3WithSm2SignatureOfTheText(@TempDir Path dir) throws Exception {
        KeyPair keys = Sm2.generateKeyPair();
        Path key = dir.resolve("expert.key.pem");
        Files.writeString(key, Pem.encode(keys.getPrivate()), StandardCharsets.UTF_8);

        BidderTool.Result r = BidderTool.run("sign", "--key", key.toString(), "--text", CHALLENGE);
        assertEquals(0, r.exitCode(), r.line());
        byte[] signature = Base64.getDecoder().decode(r.line());
        assertTrue(Sm2.verify(keys.getPublic(), CHALLENGE.getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(Sm2.verify(keys.getPublic(), (CHALLENGE + " ").getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(Sm2.verify(Sm2.generateKeyPair().getPublic(), CHALLENGE.getBytes(StandardCharsets.UTF_8), signature));
    }

    @Test
    void withoutAKeyOrTextItDoesNotRun(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("expert.key.pem");
        Files.writeString(key, Pem.encode(Sm2.generateKeyPair().getPrivate()), StandardCharsets.UTF_8);
        BidderTool.Result noText = BidderTool.run("sign", "--key", key.toString());
        assertEquals(2, noText.exitCode());
        assertTrue(noText.line().contains("missing --text"), noText.line());
        assertEquals(2, BidderTool.run("sign", "--text", CHALLENGE).exitCode());
        assertEquals(2, BidderTool.run("sign", "--key", dir.resolve("none.pem").toString(), "--text", CHALLENGE).exitCode());
        Files.writeString(key, "not a key");
        assertEquals(2, BidderTool.run("sign", "--key", key.toString(), "--text", CHALLENGE).exitCode());
        BidderTool.Result usage = BidderTool.run("help");
        assertEquals(2, usage.exitCode());
        assertTrue(usage.line().contains("sign --key KEY.pem --text TEXT"), usage.line());
        BidderTool.Result help = BidderTool.run("--help");
        assertEquals(0, help.exitCode(), "--help is a question, not a mistake");
        assertTrue(help.line().contains("seal --platform URL"), help.line());
    }
}
