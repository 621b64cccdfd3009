package org.sunbid.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The console examples of Cardinal's documentation (cardinal-rs checks them as text with trycmd): the same command
 * must print the same text, byte for byte. {@code settings.ini} enables all eleven indicators at once.
 */
class CardinalDocumentationExamplesTest {

    @TestFactory
    Stream<DynamicTest> eachExamplePrintsTheDocumentedText() throws Exception {
        Path dir = Path.of(getClass().getResource("/cardinal-docs/examples.txt").toURI()).getParent();
        String[] blocks = Files.readString(dir.resolve("examples.txt")).split("\n\n");
        assertEquals(11, blocks.length, "one example per indicator");
        return Stream.of(blocks).map(block -> {
            String[] lines = block.strip().split("\n", 2);
            return DynamicTest.dynamicTest(lines[0], () -> {
                List<String> args = new ArrayList<>();
                for (String a : lines[0].split(" ")) {
                    args.add(a.endsWith(".ini") || a.endsWith(".jsonl") ? dir.resolve(a).toString() : a);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = Cli.run(args.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
                assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
                assertTrue(err.toString(StandardCharsets.UTF_8).isEmpty(), err.toString(StandardCharsets.UTF_8));
                assertEquals(lines[1] + "\n", out.toString(StandardCharsets.UTF_8));
            });
        });
    }
}
