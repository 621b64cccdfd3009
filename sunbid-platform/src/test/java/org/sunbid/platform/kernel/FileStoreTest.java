package org.sunbid.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.crypto.Sm3;

class FileStoreTest {

    @TempDir
    Path dir;

    /** The reference table's rows, held in memory (the JDBC side is exercised by the ITs). */
    private final Set<String> rows = ConcurrentHashMap.newKeySet();

    private final FileStore.References references = new FileStore.References() {
        @Override
        public void add(String sm3, String holder) {
            rows.add(sm3 + " " + holder);
        }

        @Override
        public void remove(String sm3, String holder) {
            rows.remove(sm3 + " " + holder);
        }

        @Override
        public boolean any(String sm3) {
            return rows.stream().anyMatch(r -> r.startsWith(sm3 + " "));
        }
    };

    private FileStore store() {
        return new FileStore(new SunbidProperties(dir, "测试", "off", null, null, null), references);
    }

    /** A file that holds something: an empty journal segment holds nothing. */
    private static boolean keptFile(Path p) {
        try {
            return Files.isRegularFile(p) && !(p.toString().endsWith(".journal") && Files.size(p) == 0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void storesByHashOnceAndFindsIt() throws Exception {
        FileStore store = store();
        byte[] content = "招标文件".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        FileStore.Stored a;
        FileStore.Stored b;
        try (FileStore.Upload up = store.store(new ByteArrayInputStream(content), 100)) {
            a = up.stored();
            assertThat(up.created()).isTrue();
            store.reference(a.sm3(), "test:1");
        }
        try (FileStore.Upload up = store.store(new ByteArrayInputStream(content), 100)) {
            b = up.stored();
            assertThat(up.created()).isFalse();
        }
        assertThat(a).isEqualTo(b);
        assertThat(a.sm3()).isEqualTo(Sm3.hex(content));
        assertThat(Files.readAllBytes(store.find(a.sm3()).orElseThrow())).isEqualTo(content);
        assertThat(store.find("../../etc/passwd")).isEmpty();
    }

    @Test
    void aStreamLongerThanTheLimitIsRefusedAndNothingIsKept() throws Exception {
        FileStore store = store();
        InputStream endless = new InputStream() { // no length known in advance, as with a chunked upload
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }
        };
        assertThatThrownBy(() -> store.store(endless, 10L << 20)).isInstanceOf(FileStore.TooLargeException.class);
        try (Stream<Path> files = Files.walk(dir.resolve("files"))) {
            assertThat(files.filter(FileStoreTest::keptFile)).isEmpty();
        }
    }

    @Test
    void aWriterIsHashedAndStoredInOnePassAndItsAnswerComesBack() throws Exception {
        FileStore store = store();
        byte[] content = bytes("密封投标文件".repeat(20_000));
        try (FileStore.Written<String> written = store.store(content.length, out -> {
            out.write(content[0]);
            out.write(content, 1, 999);
            String prefix = out.hex(); // what a writer checking a signature over a prefix reads
            out.write(content, 1000, content.length - 1000);
            return prefix;
        })) {
            assertThat(written.value()).isEqualTo(Sm3.hex(java.util.Arrays.copyOf(content, 1000)));
            assertThat(written.upload().sm3()).isEqualTo(Sm3.hex(content));
            assertThat(written.upload().size()).isEqualTo(content.length);
            assertThat(written.upload().created()).isTrue();
            assertThat(Files.readAllBytes(written.upload().path())).isEqualTo(content);
        }
        assertThat(store.find(Sm3.hex(content))).isEmpty(); // closed without a reference
    }

    @Test
    void aWriterThatRefusesOrGoesBeyondTheLimitLeavesNothing() throws Exception {
        FileStore store = store();
        assertThatThrownBy(() -> store.store(100, out -> {
            out.write(bytes("SBENV1 然后是坏的"));
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class).hasMessage("refused");
        assertThatThrownBy(() -> store.store(100, out -> {
            out.write(new byte[100]); // up to the limit is fine
            out.write(0);
            return null;
        })).isInstanceOf(FileStore.TooLargeException.class);
        assertThatThrownBy(() -> store.store(100, out -> {
            out.write(new byte[60]);
            out.write(new byte[41]);
            return null;
        })).isInstanceOf(FileStore.TooLargeException.class);
        try (Stream<Path> files = Files.walk(dir.resolve("files"))) {
            assertThat(files.filter(FileStoreTest::keptFile)).isEmpty(); // nor any temporary file
        }
        try (FileStore.Written<Void> exactly = store.store(100, out -> {
            out.write(new byte[100]);
            return null;
        })) {
            assertThat(exactly.upload().size()).isEqualTo(100);
        }
    }

    @Test
    void aFailedUploadOfReferencedBytesLeavesTheFile() throws Exception {
        FileStore store = store();
        byte[] document = bytes("招标文件正文");
        String sm3;
        try (FileStore.Upload up = store.store(new ByteArrayInputStream(document), 100)) {
            sm3 = up.sm3();
            store.reference(sm3, "tendering.document:1");
        }
        try (FileStore.Upload rival = store.store(new ByteArrayInputStream(document), 100)) {
            assertThat(rival.created()).isFalse(); // refused as a bid: closed without a reference
        }
        assertThat(Files.readAllBytes(store.find(sm3).orElseThrow())).isEqualTo(document);
    }

    @Test
    void aFailedUploadRemovesTheFileItCreatedAndAReleasedFileGoesWithItsLastReference() throws Exception {
        FileStore store = store();
        String sm3;
        try (FileStore.Upload up = store.store(new ByteArrayInputStream(bytes("被拒绝的上传")), 100)) {
            sm3 = up.sm3();
        }
        assertThat(store.find(sm3)).isEmpty();

        try (FileStore.Upload up = store.store(new ByteArrayInputStream(bytes("两处引用")), 100)) {
            sm3 = up.sm3();
            store.reference(sm3, "a:1");
            store.reference(sm3, "b:2");
        }
        store.release(sm3, "a:1");
        assertThat(store.find(sm3)).isPresent();
        store.release(sm3, "b:2");
        assertThat(store.find(sm3)).isEmpty();
    }

    @Test
    void aDamagedFileIsRepairedByAGoodUpload() throws Exception {
        FileStore store = store();
        byte[] report = bytes("评标报告 PDF 内容".repeat(100));
        String sm3;
        try (FileStore.Upload up = store.store(new ByteArrayInputStream(report), 10_000)) {
            sm3 = up.sm3();
            store.reference(sm3, "evaluation.report:1");
        }
        Path file = store.find(sm3).orElseThrow();
        Files.write(file, java.util.Arrays.copyOf(report, 100)); // truncated
        try (FileStore.Upload up = store.store(new ByteArrayInputStream(report), 10_000)) {
            assertThat(up.created()).isFalse();
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(report);

        byte[] altered = report.clone();
        altered[7] ^= 1; // same size, one bit changed
        Files.write(file, altered);
        try (FileStore.Upload up = store.store(new ByteArrayInputStream(report), 10_000)) {
            assertThat(up.sm3()).isEqualTo(sm3);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(report);
    }

    @Test
    void aFailingAndASucceedingUploadOfTheSameBytesInParallelLeaveTheFile() throws Exception {
        FileStore store = store();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 200; round++) {
                byte[] content = bytes("同一份文件 " + round);
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                int r = round;
                java.util.concurrent.Future<?> failing = pool.submit(() -> {
                    start.await();
                    try (FileStore.Upload up = store.store(new ByteArrayInputStream(content), 100)) {
                        return up.sm3(); // refused: closed without a reference
                    }
                });
                java.util.concurrent.Future<String> succeeding = pool.submit(() -> {
                    start.await();
                    try (FileStore.Upload up = store.store(new ByteArrayInputStream(content), 100)) {
                        if (r % 2 == 0) {
                            Thread.yield();
                        }
                        store.reference(up.sm3(), "sealing.bid:" + r);
                        return up.sm3();
                    }
                });
                failing.get();
                String sm3 = succeeding.get();
                assertThat(store.find(sm3)).as("round %d", round).isPresent();
                assertThat(Files.readAllBytes(store.find(sm3).orElseThrow())).isEqualTo(content);
            }

            // deterministic interleaving: the failing upload ends while the succeeding one is in flight
            byte[] content = bytes("同时上传");
            FileStore.Upload failing = store.store(new ByteArrayInputStream(content), 100);
            FileStore.Upload succeeding = store.store(new ByteArrayInputStream(content), 100);
            assertThat(failing.created()).isTrue();
            failing.close();
            assertThat(store.find(succeeding.sm3())).isPresent();
            store.reference(succeeding.sm3(), "sealing.bid:x");
            succeeding.close();
            assertThat(Files.readAllBytes(store.find(succeeding.sm3()).orElseThrow())).isEqualTo(content);
        } finally {
            pool.shutdownNow();
        }
    }
}
