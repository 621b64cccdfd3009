package org.sunbid.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.log.ReceiptBatch;
import org.sunbid.platform.trust.ReceiptSigner;

/**
 * Receipts signed per batch ({@link ReceiptSigner}, the platform's own class) beside one SM2 signature per receipt
 * ({@code Sm2.sign}, what every receipt cost before), with N threads each signing bid receipts for a few seconds, in
 * the same run, alternating, so the machine's load falls on both alike. Prints receipts/s and the p99 wait of a caller.
 * Every batch receipt of the last round is verified afterwards (not timed). Usage:
 * {@code mvn -B -ntp -pl bench exec:exec@receipts [-Dreceipts.threads=1,4,16,64 -Dreceipts.seconds=5]}.
 */
public final class ReceiptBench {

    public static void main(String[] args) throws Exception {
        int[] threads = {1, 4, 16, 64};
        int seconds = 5;
        int width = 256;
        Duration merge = Duration.ofMillis(1);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--threads" -> threads = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--width" -> width = Integer.parseInt(args[i + 1]);
                case "--merge-ms" -> merge = Duration.ofMillis(Long.parseLong(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("Sunbid receipt signing — JDK %s, %d cores, load average %.2f, batch width %d, merge delay %d ms, %d s per run%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), width, merge.toMillis(), seconds);
        KeyPair key = Sm2.generateKeyPair();
        ReceiptSigner signer = ReceiptSigner.withKey(key.getPrivate(), Clock.systemUTC(), width, merge);
        try {
            // warm both paths
            run(2, 2, r -> Sm2.sign(key.getPrivate(), r.getBytes(StandardCharsets.UTF_8)), null);
            run(2, 2, signer::sign, null);
            for (int n : threads) {
                Result direct = run(n, seconds, r -> Sm2.sign(key.getPrivate(), r.getBytes(StandardCharsets.UTF_8)), null);
                List<Object[]> signed = new ArrayList<>();
                Result batched = run(n, seconds, signer::sign, signed);
                long bad = signed.stream().limit(20_000)
                        .filter(s -> !ReceiptBatch.verify((String) s[0], (ReceiptBatch.Proof) s[1], key.getPublic())).count();
                System.out.printf("receipts: %,.0f receipts/s batch-signed (p99 %.1f ms, %,d batches) beside %,.0f receipts/s "
                        + "SM2-signed one by one (p99 %.1f ms) with %d threads, ratio %.1f; %d of %,d checked batch receipts fail%n",
                        batched.rate(), batched.p99Ms(), signed.stream().map(s -> ((ReceiptBatch.Proof) s[1]).root()).distinct().count(),
                        direct.rate(), direct.p99Ms(), n, batched.rate() / direct.rate(), bad, Math.min(signed.size(), 20_000));
            }
        } finally {
            signer.destroy();
        }
    }

    private interface Signing {
        Object sign(String receipt);
    }

    private record Result(double rate, double p99Ms) {
    }

    private static Result run(int n, int seconds, Signing signing, List<Object[]> keep) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<long[]> latencies = new ArrayList<>();
        List<List<Object[]>> kept = new ArrayList<>();
        long[] counts = new long[n];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            int me = t;
            long[] lat = new long[Math.max(20_000, 800_000 / n)];
            latencies.add(lat);
            List<Object[]> mine = new ArrayList<>();
            kept.add(mine);
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                int i = 0;
                while (!stop.get()) {
                    String receipt = receipt();
                    long t0 = System.nanoTime();
                    Object out = signing.sign(receipt);
                    long took = System.nanoTime() - t0;
                    if (i < lat.length) {
                        lat[i] = took;
                    }
                    i++;
                    if (keep != null && mine.size() < 20_000 / n + 1) {
                        mine.add(new Object[] {receipt, out});
                    }
                }
                counts[me] = i;
            });
            w.start();
            workers.add(w);
        }
        long begin = System.nanoTime();
        start.countDown();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) Math.min(total, Integer.MAX_VALUE - 8)];
        int k = 0;
        for (int t = 0; t < n; t++) {
            int c = (int) Math.min(counts[t], latencies.get(t).length);
            System.arraycopy(latencies.get(t), 0, all, k, Math.min(c, all.length - k));
            k += Math.min(c, all.length - k);
        }
        long[] sorted = Arrays.copyOf(all, k);
        Arrays.sort(sorted);
        double p99 = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
        if (keep != null) {
            kept.forEach(keep::addAll);
        }
        return new Result(total / elapsed, p99);
    }

    private static String receipt() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", "sunbid.bid-receipt");
        r.put("tenderId", UUID.randomUUID().toString());
        r.put("bidId", UUID.randomUUID().toString());
        r.put("bidderId", UUID.randomUUID().toString());
        r.put("envelopeSm3", "ab".repeat(32));
        r.put("size", 40960);
        r.put("receivedAt", "2026-12-07T01:29:59.123456Z");
        r.put("sealedBy", "bidder");
        return CanonicalJson.write(r);
    }
}
