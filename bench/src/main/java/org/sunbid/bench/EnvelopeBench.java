package org.sunbid.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm2Certificates;
import org.sunbid.crypto.Sm3OutputStream;
import org.sunbid.crypto.Sm4Gcm;
import org.sunbid.sealing.Envelope;

/**
 * Sealed-bid envelope benchmark: one large bid (default 512 MB, the issue asks for at least 500 MB) sealed, verified
 * (what the platform does on arrival) and opened, each with its throughput — beside the raw limits measured in the same
 * run on the same bytes: SM4-GCM alone, SM3 alone, and a plain file copy. The JVM's peak heap shows the memory stays
 * bounded (run it with a small heap: the exec:exec@envelope execution uses -Xmx96m). The last line is the platform's
 * upload path, verify after store against one pass (issue 21), beside raw SM3 and a raw durable write. The envelope uses
 * {@link Sm4Gcm#DEFAULT} ({@code -Dbench.sm4=bc} for BouncyCastle's); the raw SM4-GCM line gives both implementations.
 * Usage: {@code mvn -B -ntp -pl bench exec:exec@envelope [-Dbench.mb=512] [-Dbench.sm4=bc]}. Not a test: it prints
 * figures.
 */
public final class EnvelopeBench {

    public static void main(String[] args) throws Exception {
        int mb = args.length >= 2 && args[0].equals("--mb") ? Integer.parseInt(args[1]) : 512;
        Path dir = Files.createTempDirectory("sunbid-envelope-bench-");
        System.out.printf("Sunbid envelope benchmark — JDK %s, %d cores, max heap %d MB, bid of %d MB, SM4-GCM by %s"
                        + " (-Dsunbid.sm4), load average %.2f%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, mb, Sm4Gcm.DEFAULT,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try {
            Path bid = dir.resolve("bid.bin");
            writeRandom(bid, (long) mb << 20);
            long bytes = Files.size(bid);

            double copy = mbPerSecond(bytes, () -> Files.copy(bid, dir.resolve("copy.bin")));
            Files.delete(dir.resolve("copy.bin"));
            double gcm = rawGcm(bid, bytes, Sm4Gcm.DEFAULT);
            Sm4Gcm.Implementation other = Sm4Gcm.DEFAULT == Sm4Gcm.Implementation.TABLES
                    ? Sm4Gcm.Implementation.BOUNCY_CASTLE : Sm4Gcm.Implementation.TABLES;
            double gcmOther = rawGcm(bid, bytes, other);
            double sm3 = mbPerSecond(bytes, () -> {
                SM3Digest d = new SM3Digest();
                byte[] buf = new byte[1 << 16];
                try (InputStream in = Files.newInputStream(bid)) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        d.update(buf, 0, n);
                    }
                }
                d.doFinal(new byte[32], 0);
            });

            KeyPair opening = Sm2.generateKeyPair();
            KeyPair bidderKeys = Sm2.generateKeyPair();
            Instant now = Instant.now();
            X509Certificate bidder = Sm2Certificates.selfSignedRoot("CN=Bench Bidder", bidderKeys, now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(1)));
            Path envelope = dir.resolve("bid.sbenv");
            resetPeaks();
            double seal = mbPerSecond(bytes, () -> {
                try (OutputStream out = Files.newOutputStream(envelope)) {
                    Envelope.seal(new Envelope.Contents(UUID.randomUUID(), "{\"totalPrice\":\"1.00\"}", Map.of(), Map.of("bid.bin", bid)),
                            opening.getPublic(), bidderKeys.getPrivate(), bidder, now, out);
                }
            });
            double verify = mbPerSecond(bytes, () -> {
                try (InputStream in = Files.newInputStream(envelope)) {
                    Envelope.verify(in);
                }
            });
            double open = mbPerSecond(bytes, () -> Envelope.open(envelope, opening.getPrivate(), dir.resolve("opened"), Long.MAX_VALUE));
            long peakHeap = peakHeap();
            Upload upload = upload(envelope, dir.resolve("stored.sbenv"));
            System.out.printf("raw limits:   file copy %.0f MB/s   SM4-GCM %.0f MB/s (%s, the envelope's; %s %.0f MB/s)   SM3 %.0f MB/s%n",
                    copy, gcm, Sm4Gcm.DEFAULT, other, gcmOther, sm3);
            System.out.printf("envelope:     seal %.0f MB/s   verify on arrival %.0f MB/s   open %.0f MB/s   (envelope %,d bytes)%n",
                    seal, verify, open, Files.size(envelope));
            System.out.printf("by CPU time:  SM4-GCM %.0f MB/s (%s %.0f)   SM3 %.0f   seal %.0f   verify %.0f   open %.0f MB/s%n",
                    CPU.get(1), other, CPU.get(2), CPU.get(3), CPU.get(4), CPU.get(5), CPU.get(6));
            System.out.printf("memory:       peak heap %d MB while sealing, verifying and opening %d MB%n", peakHeap >> 20, mb);
            System.out.printf("upload path (best of %d, by CPU time; wall in brackets, fsync included): raw SM3 %.0f MB/s"
                            + "   raw durable write %.0f MB/s (%.0f)   store then verify %.0f MB/s (%.0f)   one pass %.0f MB/s (%.0f)"
                            + "   one pass / store then verify %.2f (CPU) %.2f (wall)%n",
                    UPLOAD_ROUNDS, upload.sm3Cpu, upload.writeCpu, upload.writeWall, upload.beforeCpu, upload.beforeWall,
                    upload.afterCpu, upload.afterWall, upload.afterCpu / upload.beforeCpu, upload.afterWall / upload.beforeWall);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static final int UPLOAD_ROUNDS = 3;

    record Upload(double sm3Cpu, double writeCpu, double writeWall, double beforeCpu, double beforeWall, double afterCpu,
            double afterWall) {
    }

    /**
     * The platform's upload path on the envelope's bytes (issue 21), each way {@link #UPLOAD_ROUNDS} times in turn,
     * best kept: the store as before this change (hash and write to a file, fsync; then read the file back and
     * verify it, as {@code sealing.Bids} did) against one pass ({@link Envelope#verify(InputStream, Sm3OutputStream)}
     * into the file, as {@code sealing.EnvelopeIntake} does), beside raw SM3 over the bytes (read from the page cache) and a raw
     * durable write (write and fsync, nothing else). The source envelope is in the page cache, as an upload is in
     * the socket's buffers.
     */
    private static Upload upload(Path envelope, Path stored) throws Exception {
        long bytes = Files.size(envelope);
        double[] best = new double[7];
        for (int round = 0; round < UPLOAD_ROUNDS; round++) {
            best[0] = Math.max(best[0], cpuMbPerSecond(bytes, () -> {
                SM3Digest d = new SM3Digest();
                byte[] buf = new byte[1 << 16];
                try (InputStream in = Files.newInputStream(envelope)) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        d.update(buf, 0, n);
                    }
                }
                d.doFinal(new byte[32], 0);
            }));
            best[2] = Math.max(best[2], mbPerSecond(bytes, () -> durably(stored, out -> Files.copy(envelope, out))));
            best[1] = Math.max(best[1], CPU.get(CPU.size() - 1));
            best[4] = Math.max(best[4], mbPerSecond(bytes, () -> {
                SM3Digest d = new SM3Digest();
                durably(stored, out -> {
                    byte[] buf = new byte[1 << 16];
                    try (InputStream in = Files.newInputStream(envelope)) {
                        for (int n; (n = in.read(buf)) > 0; ) {
                            d.update(buf, 0, n);
                            out.write(buf, 0, n);
                        }
                    }
                });
                d.doFinal(new byte[32], 0);
                try (InputStream in = Files.newInputStream(stored)) {
                    Envelope.verify(in);
                }
            }));
            best[3] = Math.max(best[3], CPU.get(CPU.size() - 1));
            best[6] = Math.max(best[6], mbPerSecond(bytes, () -> durably(stored, out -> {
                try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(envelope), 1 << 16)) {
                    Sm3OutputStream copy = new Sm3OutputStream(out);
                    Envelope.verify(in, copy);
                    copy.flush();
                }
            })));
            best[5] = Math.max(best[5], CPU.get(CPU.size() - 1));
        }
        return new Upload(best[0], best[1], best[2], best[3], best[4], best[5], best[6]);
    }

    interface Sink {
        void write(OutputStream out) throws Exception;
    }

    /** Writes a fresh {@code file} through a buffer, then fsyncs it (as the file store does before naming a file). */
    private static void durably(Path file, Sink sink) throws Exception {
        Files.deleteIfExists(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 256 * 1024);
            sink.write(out);
            out.flush();
            channel.force(true);
        }
    }

    private static double cpuMbPerSecond(long bytes, Work work) throws Exception {
        mbPerSecond(bytes, work);
        return CPU.remove(CPU.size() - 1);
    }

    /** SM4-GCM alone over the bid file's bytes, by {@code implementation}. */
    private static double rawGcm(Path bid, long bytes, Sm4Gcm.Implementation implementation) throws Exception {
        return mbPerSecond(bytes, () -> {
            try (InputStream in = Files.newInputStream(bid);
                 OutputStream out = Sm4Gcm.encrypting(implementation, OutputStream.nullOutputStream(), Sm4Gcm.newKey(),
                         Sm4Gcm.newNonce(), new byte[0])) {
                in.transferTo(out);
            }
        });
    }

    interface Work {
        void run() throws Exception;
    }

    /** MB/s by wall time; the same by the main thread's CPU time is noted in {@link #CPU} (the work runs on it). */
    private static double mbPerSecond(long bytes, Work work) throws Exception {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        CPU.add(bytes / 1048576.0 / ((THREADS.getCurrentThreadCpuTime() - cpu) / 1e9));
        return bytes / 1048576.0 / seconds;
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Each measurement's MB/s by CPU time, in order: on a shared machine that is what the code costs. */
    private static final java.util.List<Double> CPU = new java.util.ArrayList<>();

    private static void writeRandom(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += buf.length) {
                for (int i = 0; i < buf.length; i += 8) {
                    long v = random.nextLong();
                    for (int j = 0; j < 8; j++) {
                        buf[i + j] = (byte) (v >>> (8 * j));
                    }
                }
                out.write(buf, 0, (int) Math.min(buf.length, size - written));
            }
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
