package org.sunbid.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.crypto.Sm3;

/**
 * The intake journal: small uploads are durable once their journal record is forced, forces group across concurrent
 * uploads, and a restart rewrites from the journal what the page cache lost. A lost page cache is simulated by
 * deleting, truncating or altering a named file after {@code store} returned, then opening a new store on the same
 * directory (the crash's other half — that the forced journal survives — is the disk's promise for fdatasync).
 */
class FileStoreJournalTest {

    @TempDir
    Path dir;

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

    private SunbidProperties properties() {
        return new SunbidProperties(dir, "测试", "off", null, null, null);
    }

    /** A store that counts (and logs, in order) its forces; rotation by timer is off (an hour). */
    final class Counting extends FileStore {
        final AtomicInteger journalForces = new AtomicInteger();
        final AtomicInteger fileForces = new AtomicInteger();
        final List<String> log = Collections.synchronizedList(new ArrayList<>());
        /** How long a journal force takes at least, as on a disk that really writes (this test's may be a RAM disk). */
        volatile long forceMillis;

        Counting(long recordLimit, long segmentSize) {
            super(properties(), references, recordLimit, segmentSize, Duration.ofHours(1), Duration.ZERO);
        }

        @Override
        void forceJournal(FileChannel segment) throws IOException {
            super.forceJournal(segment);
            if (forceMillis > 0) {
                try {
                    Thread.sleep(forceMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (journalForces != null) {
                journalForces.incrementAndGet();
            }
        }

        @Override
        void forceFile(FileChannel channel) throws IOException {
            super.forceFile(channel);
            if (fileForces != null) {
                fileForces.incrementAndGet();
                log.add("file");
            }
        }
    }

    private FileStore restarted() {
        return new FileStore(properties(), references);
    }

    private List<Path> segments() throws IOException {
        return IntakeJournal.segments(dir.resolve("files").resolve("journal"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String storeReferenced(FileStore store, byte[] content, String holder) throws IOException {
        try (FileStore.Upload up = store.store(new ByteArrayInputStream(content), 1 << 20)) {
            store.reference(up.sm3(), holder);
            return up.sm3();
        }
    }

    @Test
    void concurrentUploadsShareTheirForces() throws Exception {
        Counting store = new Counting(8 << 20, 64 << 20);
        store.forceMillis = 25; // about this disk's fdatasync
        int threads = 32;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<List<String>>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    List<String> stored = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        byte[] content = bytes(("投标文件 " + thread + "/" + i + " ").repeat(1000));
                        stored.add(storeReferenced(store, content, "sealing.bid:" + thread + "/" + i));
                    }
                    return stored;
                }));
            }
            for (Future<List<String>> f : done) {
                for (String sm3 : f.get()) {
                    assertThat(store.find(sm3)).isPresent();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int stores = threads * each;
        System.out.printf("group commit: %d stores from %d threads, %d journal forces%n", stores, threads, store.journalForces.get());
        // no file or directory forced on the request path; the journal forced far fewer times than there were stores
        assertThat(store.fileForces.get()).isZero();
        assertThat(store.journalForces.get()).isBetween(1, stores / 4);
    }

    @Test
    void aRestartRewritesFilesLostTruncatedOrAlteredAfterStoreReturned() throws Exception {
        FileStore store = new Counting(8 << 20, 64 << 20);
        byte[] lost = bytes("丢失的投标文件".repeat(500));
        byte[] truncated = bytes("截断的投标文件".repeat(500));
        byte[] altered = bytes("损坏的投标文件".repeat(500));
        byte[] kept = bytes("完好的投标文件".repeat(500));
        String a = storeReferenced(store, lost, "sealing.bid:1");
        String b = storeReferenced(store, truncated, "sealing.bid:2");
        String c = storeReferenced(store, altered, "sealing.bid:3");
        String d = storeReferenced(store, kept, "sealing.bid:4");

        // the crash: the named files' unforced pages are gone, the forced journal is not
        Path fileA = store.find(a).orElseThrow();
        Files.delete(fileA);
        Path fileB = store.find(b).orElseThrow();
        Files.write(fileB, Arrays.copyOf(truncated, 100));
        Path fileC = store.find(c).orElseThrow();
        byte[] bad = altered.clone();
        bad[10] ^= 1;
        Files.write(fileC, bad);
        assertThat(segments()).hasSize(1);

        FileStore after = restarted();
        assertThat(Files.readAllBytes(after.find(a).orElseThrow())).isEqualTo(lost);
        assertThat(Files.readAllBytes(after.find(b).orElseThrow())).isEqualTo(truncated);
        assertThat(Files.readAllBytes(after.find(c).orElseThrow())).isEqualTo(altered);
        assertThat(Files.readAllBytes(after.find(d).orElseThrow())).isEqualTo(kept);
        assertThat(segments()).as("the replayed segment is deleted; the new store's own is empty").hasSize(1);
        assertThat(Files.size(segments().get(0))).isZero();
        for (String sm3 : List.of(a, b, c, d)) {
            assertThat(Sm3.hex(Files.readAllBytes(after.find(sm3).orElseThrow()))).isEqualTo(sm3);
        }
    }

    @Test
    void aTornJournalTailIsIgnored() throws Exception {
        FileStore store = new Counting(8 << 20, 64 << 20);
        byte[] first = bytes("第一份".repeat(300));
        byte[] second = bytes("第二份".repeat(300));
        String a = storeReferenced(store, first, "sealing.bid:1");
        String b = storeReferenced(store, second, "sealing.bid:2");
        Path segment = segments().get(0);
        long whole = Files.size(segment);
        Files.delete(store.find(a).orElseThrow());
        Files.delete(store.find(b).orElseThrow());

        // the crash cut the second record's append short (its upload never returned); then garbage of a torn header
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(whole - 7);
        }
        Files.write(segment, new byte[] {0x53, 0x42, 0x4a}, StandardOpenOption.APPEND);

        FileStore after = restarted();
        assertThat(Files.readAllBytes(after.find(a).orElseThrow())).isEqualTo(first);
        assertThat(after.find(b)).isEmpty();
        assertThat(segments()).hasSize(1); // the torn segment replayed and deleted; the new store's is empty
        assertThat(Files.size(segments().get(0))).isZero();
    }

    @Test
    void refusedOrUnreferencedUploadsAreNotResurrected() throws Exception {
        FileStore store = new Counting(8 << 20, 64 << 20);
        byte[] refusedContent = bytes("SBENV1 坏的信封".repeat(100));
        assertThatThrownBy(() -> store.store(1 << 20, out -> {
            out.write(refusedContent);
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        String unreferenced;
        try (FileStore.Upload up = store.store(new ByteArrayInputStream(bytes("保证金未缴的投标")), 1 << 20)) {
            unreferenced = up.sm3(); // stored, then refused by its caller: closed without a reference
        }
        String released = storeReferenced(store, bytes("已撤回的投标"), "sealing.bid:9");
        store.release(released, "sealing.bid:9");
        assertThat(store.find(unreferenced)).isEmpty();
        assertThat(store.find(released)).isEmpty();

        FileStore after = restarted();
        assertThat(after.find(Sm3.hex(refusedContent))).isEmpty();
        assertThat(after.find(unreferenced)).isEmpty();
        assertThat(after.find(released)).isEmpty();
        try (var files = Files.walk(dir.resolve("files"))) {
            assertThat(files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".journal"))).isEmpty();
        }
    }

    @Test
    void aRetiredSegmentIsDeletedOnlyAfterItsFilesAreForced() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        FileStore store = new FileStore(properties(), references, 8 << 20, 64 << 20, Duration.ofHours(1), Duration.ZERO) {
            @Override
            void forceFile(FileChannel channel) throws IOException {
                super.forceFile(channel);
                events.add("file");
            }

            @Override
            void forceDirectory(Path d) throws IOException {
                super.forceDirectory(d);
                if (events != null) {
                    events.add("dir " + d.getFileName());
                }
            }

            @Override
            void checkpoint(Set<String> sm3s) throws IOException {
                events.add("checkpoint of " + sm3s.size() + ", segments " + segments().size());
                super.checkpoint(sm3s);
                events.add("checkpointed, segments " + segments().size());
            }
        };
        String a = storeReferenced(store, bytes("第一份文件".repeat(100)), "x:1");
        String b = storeReferenced(store, bytes("第二份文件".repeat(100)), "x:2");
        events.clear();
        store.checkpointNow();
        String subA = a.substring(0, 2);
        String subB = b.substring(0, 2);
        // the new segment's name is forced, the two files, their directories and the root; the old segment only then goes
        assertThat(events.get(0)).isEqualTo("dir journal");
        assertThat(events.get(1)).isEqualTo("checkpoint of 2, segments 2");
        assertThat(events.subList(2, 4)).containsExactly("file", "file");
        assertThat(events.subList(4, events.size() - 1)).containsExactlyInAnyOrder(
                subA.equals(subB) ? new String[] {"dir " + subA, "dir files"} : new String[] {"dir " + subA, "dir " + subB, "dir files"});
        assertThat(events.get(events.size() - 1)).isEqualTo("checkpointed, segments 2");
        assertThat(segments()).hasSize(1);
        assertThat(Files.size(segments().get(0))).isZero();

        store.close();
        assertThat(segments()).isEmpty(); // a clean stop leaves nothing to recover

        // a segment past its size is retired by the upload that fills it
        FileStore small = new FileStore(properties(), references, 8 << 20, 10_000, Duration.ofHours(1), Duration.ZERO);
        for (int i = 0; i < 5; i++) {
            storeReferenced(small, bytes(("满 " + i).repeat(1000)), "y:" + i);
        }
        small.checkpointNow();
        assertThat(segments()).hasSize(1);
        assertThat(Files.size(segments().get(0))).isZero();
        small.close();
        assertThat(segments()).isEmpty();
    }

    @Test
    void largeUploadsKeepTheirOwnFsyncs() throws Exception {
        Counting store = new Counting(1000, 64 << 20);
        byte[] large = new byte[5000];
        Arrays.fill(large, (byte) 7);
        storeReferenced(store, large, "x:1");
        assertThat(store.fileForces.get()).isEqualTo(1);
        assertThat(store.journalForces.get()).isZero();
        assertThat(Files.size(segments().get(0))).isZero();
    }
}
