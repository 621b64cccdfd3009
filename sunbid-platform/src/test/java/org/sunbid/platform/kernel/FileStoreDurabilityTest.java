package org.sunbid.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.crypto.Sm3;

/**
 * A stored file is durable before {@link FileStore#store} returns — and so before any receipt naming it is signed
 * (the sealing context signs only after {@code store} returned). Two tests, each honest about what it shows:
 * <ul>
 * <li>the order of operations, recorded: the content is fsynced while the file is still a temporary one, then it is
 * renamed to its hash, then its directory is fsynced, and only then does {@code store} return. Removing either fsync
 * or moving it after the return fails this test.</li>
 * <li>a child JVM stores a file, prints its "receipt" and is killed with SIGKILL at once: the file is complete and its
 * SM3 is the one printed. A SIGKILL does not drop the operating system's page cache, so this shows that nothing the
 * receipt names is left half-written or unnamed by a dying process, not that it survives a power cut — only the
 * recorded fsyncs above speak to that.</li>
 * </ul>
 */
class FileStoreDurabilityTest {

    @TempDir
    Path dir;

    private static SunbidProperties properties(Path dir) {
        return new SunbidProperties(dir, "测试", "off", null, null, null);
    }

    /** No record refers to anything: durability does not depend on references. */
    private static final FileStore.References NO_REFERENCES = new FileStore.References() {
        @Override
        public void add(String sm3, String holder) {
        }

        @Override
        public void remove(String sm3, String holder) {
        }

        @Override
        public boolean any(String sm3) {
            return false;
        }
    };

    /** A file store that records the order of its durability steps. */
    static final class Recording extends FileStore {
        final List<String> steps = new ArrayList<>();
        private final Path files;

        Recording(Path dir) {
            super(properties(dir), NO_REFERENCES, -1, 64L << 20, java.time.Duration.ofSeconds(30), java.time.Duration.ZERO); // no journal: the direct path
            this.files = dir.resolve("files").toAbsolutePath();
        }

        @Override
        void forceFile(FileChannel channel) throws IOException {
            super.forceFile(channel);
            steps.add("fsync file (" + stored() + " stored files)");
        }

        @Override
        void forceDirectory(Path d) throws IOException {
            super.forceDirectory(d);
            steps.add("fsync " + (d.equals(files) ? "files/" : "files/" + d.getFileName() + "/") + " (" + stored() + " stored files)");
        }

        private long stored() {
            try (var walk = Files.walk(files)) {
                return walk.filter(p -> Files.isRegularFile(p) && !p.startsWith(files.resolve("incoming"))).count();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void theContentIsFsyncedBeforeItIsNamedAndTheNameBeforeStoreReturns() throws Exception {
        Recording store = new Recording(dir);
        byte[] content = "密封投标文件".getBytes(StandardCharsets.UTF_8);
        try (FileStore.Upload upload = store.store(new ByteArrayInputStream(content), 1000)) {
            String sub = upload.sm3().substring(0, 2);
            assertThat(store.steps).containsExactly("fsync file (0 stored files)", "fsync files/ (0 stored files)",
                    "fsync files/" + sub + "/ (1 stored files)");

            // The same bytes again while the first upload still holds them: nothing new, but its name is made durable
            // again before returning.
            store.steps.clear();
            try (FileStore.Upload again = store.store(new ByteArrayInputStream(content), 1000)) {
                assertThat(again.created()).isFalse();
            }
            assertThat(store.steps).containsExactly("fsync file (1 stored files)", "fsync files/" + sub + "/ (1 stored files)");
        }
    }

    @Test
    void aWriterStoringInOnePassIsDurableTheSameWay() throws Exception {
        Recording store = new Recording(dir);
        byte[] content = "一遍写入的密封投标文件".getBytes(StandardCharsets.UTF_8);
        try (FileStore.Written<Integer> written = store.store(1000, out -> {
            out.write(content);
            assertThat(store.steps).isEmpty(); // nothing is forced while the writer writes
            return content.length;
        })) {
            String sub = written.upload().sm3().substring(0, 2);
            assertThat(store.steps).containsExactly("fsync file (0 stored files)", "fsync files/ (0 stored files)",
                    "fsync files/" + sub + "/ (1 stored files)");
            assertThat(written.value()).isEqualTo(content.length);
            assertThat(Sm3.hex(Files.readAllBytes(written.upload().path()))).isEqualTo(written.upload().sm3());
        }
    }

    /** The child: stores {@code size} seeded random bytes, prints the "receipt", then waits to be killed. */
    public static void main(String[] args) throws Exception {
        FileStore store = new FileStore(properties(Path.of(args[0])), NO_REFERENCES);
        // Held open like an upload whose receipt was just signed: the process dies before anything else happens.
        FileStore.Stored stored = store.store(seeded(Long.parseLong(args[1]), Integer.parseInt(args[2])), Long.MAX_VALUE).stored();
        System.out.println("RECEIPT " + stored.sm3() + " " + stored.size());
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }

    private static InputStream seeded(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return new ByteArrayInputStream(bytes);
    }

    @Test
    void aPlatformKilledRightAfterTheReceiptLeavesTheEnvelopeCompleteUnderItsHash() throws Exception {
        long seed = 20261206L;
        int size = 8 * 1024 * 1024 + 17;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), FileStoreDurabilityTest.class.getName(),
                dir.toString(), Long.toString(seed), Integer.toString(size)).redirectErrorStream(true).start();
        String receipt;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            receipt = out.lines().filter(l -> l.startsWith("RECEIPT ")).findFirst().orElse("no receipt");
            child.destroyForcibly(); // SIGKILL, right after the receipt
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(receipt).startsWith("RECEIPT ");
        String sm3 = receipt.split(" ")[1];
        byte[] expected = seeded(seed, size).readAllBytes();
        assertThat(sm3).isEqualTo(Sm3.hex(expected));

        // "Restart": a fresh store on the same data directory finds the envelope complete under its hash.
        FileStore restarted = new FileStore(properties(dir), NO_REFERENCES);
        Path file = restarted.find(sm3).orElseThrow();
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(Sm3.hex(Files.readAllBytes(file))).isEqualTo(sm3);
    }
}
