package org.sunbid.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sm3 FILE...}: the hash a download is checked against, printed like sm3sum; {@code --help} exits 0. */
class Sm3CommandTest {

    @Test
    void printsEachFilesSm3LikeSm3sum(@TempDir Path dir) throws Exception {
        Path abc = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        Verdict v = Verifier.run("sm3", abc.toString(), empty.toString());
        assertEquals(0, v.exitCode(), v.line());
        // GB/T 32905-2016, appendix A: SM3("abc"); and the hash of no bytes.
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0  " + abc + System.lineSeparator()
                + "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b  " + empty, v.line());
    }

    @Test
    void aMissingFileIsAnErrorNotAHash(@TempDir Path dir) {
        Verdict v = Verifier.run("sm3", dir.resolve("absent.jar").toString());
        assertEquals(2, v.exitCode(), v.line());
        assertTrue(v.line().startsWith("ERROR"), v.line());
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        Verdict v = Verifier.run("--help");
        assertEquals(0, v.exitCode());
        assertTrue(v.line().contains("sm3 FILE"), v.line());
        assertEquals(2, Verifier.run().exitCode());
    }
}
