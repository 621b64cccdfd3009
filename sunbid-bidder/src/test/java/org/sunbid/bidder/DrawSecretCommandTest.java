package org.sunbid.bidder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.crypto.Sm3;

/**
 * {@code draw-secret}: the supervisor's tool makes the draw's secret on the supervisor's machine, in a file only its owner
 * reads, and prints the SM3 commitment — the only thing the platform sees before the reveal.
 */
class DrawSecretCommandTest {

    @Test
    void writes32RandomBytesAndPrintsTheirSm3(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("draw.secret");
        BidderTool.Result r = BidderTool.run("draw-secret", "--out", file.toString());
        assertEquals(0, r.exitCode(), r.line());
        byte[] secret = HexFormat.of().parseHex(Files.readString(file, StandardCharsets.UTF_8).strip());
        assertEquals(32, secret.length);
        assertTrue(r.line().endsWith("commitment (SM3) " + Sm3.hex(secret)), r.line());
        assertTrue(!r.line().contains(HexFormat.of().formatHex(secret)), "the secret is not printed");
        if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file));
        }
        // Run again on the same file: the same secret, the same commitment; a new file: another secret.
        assertEquals(r.line(), BidderTool.run("draw-secret", "--out", file.toString()).line());
        assertNotEquals(r.line().substring(r.line().lastIndexOf(' ')),
                BidderTool.run("draw-secret", "--out", dir.resolve("other.secret").toString()).line()
                        .substring(r.line().lastIndexOf(' ')));
    }
}
