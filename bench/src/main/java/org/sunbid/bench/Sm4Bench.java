package org.sunbid.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.sunbid.crypto.Sm4Gcm;
import org.sunbid.crypto.Sm4Gcm.Implementation;

/**
 * SM4-GCM single-thread throughput, this project's table-based implementation beside BouncyCastle's (the reference),
 * encryption and decryption through {@link Sm4Gcm}'s streams as the envelope uses them, in the same run on the same
 * bytes; with OpenSSL's native SM4 ({@code openssl speed -evp sm4-ctr}; OpenSSL 3.0 has no SM4-GCM) measured in the
 * same run if an {@code openssl} command is installed, and SM3 for the opening's bound. Rounds alternate the
 * implementations so the machine's load falls on both alike; the first round of each warms the JIT and is not counted.
 * MB is 2^20 bytes, as in the other benchmarks; each figure is given by wall time and by the thread's CPU time (the
 * second is what the code costs when the machine is shared). Usage:
 * {@code mvn -B -ntp -pl bench exec:exec@sm4 [-Dsm4.mb=128 -Dsm4.rounds=7]}. Not a test: it prints figures.
 */
public final class Sm4Bench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int WRITE = 64 * 1024;

    public static void main(String[] args) throws Exception {
        int mb = 128;
        int rounds = 7;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--mb" -> mb = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("Sunbid SM4-GCM benchmark — JDK %s, %d cores, %d MB per round, %d rounds (first not counted), load average %.2f%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), mb, rounds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        byte[] plain = new byte[mb << 20];
        SplittableRandom random = new SplittableRandom(21);
        for (int i = 0; i < plain.length; i += 8) {
            long v = random.nextLong();
            for (int j = 0; j < 8; j++) {
                plain[i + j] = (byte) (v >>> (8 * j));
            }
        }
        byte[] key = Sm4Gcm.newKey();
        byte[] nonce = Sm4Gcm.newNonce();
        byte[] aad = "bench".getBytes(StandardCharsets.UTF_8);
        byte[] cipher = encrypt(Implementation.BOUNCY_CASTLE, plain, key, nonce, aad, new ByteArrayOutputStream(plain.length + 16));
        if (!Arrays.equals(cipher, encrypt(Implementation.TABLES, plain, key, nonce, aad, new ByteArrayOutputStream(plain.length + 16)))) {
            throw new AssertionError("the implementations disagree");
        }

        Map<Implementation, List<double[]>> enc = new EnumMap<>(Implementation.class);
        Map<Implementation, List<double[]>> dec = new EnumMap<>(Implementation.class);
        List<double[]> sm3 = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (Implementation implementation : Implementation.values()) {
                double[] e = measure(plain.length, () -> encrypt(implementation, plain, key, nonce, aad, null));
                double[] d = measure(plain.length, () -> decrypt(implementation, cipher, key, nonce, aad));
                if (round > 0) {
                    enc.computeIfAbsent(implementation, k -> new ArrayList<>()).add(e);
                    dec.computeIfAbsent(implementation, k -> new ArrayList<>()).add(d);
                }
            }
            double[] h = measure(plain.length, () -> {
                SM3Digest digest = new SM3Digest();
                for (int i = 0; i < plain.length; i += WRITE) {
                    digest.update(plain, i, Math.min(WRITE, plain.length - i));
                }
                digest.doFinal(new byte[32], 0);
            });
            if (round > 0) {
                sm3.add(h);
            }
        }
        System.out.println("MB/s, single thread: best / median by wall time   (best / median by thread CPU time)");
        for (Implementation implementation : Implementation.values()) {
            System.out.printf("SM4-GCM %-13s encrypt %s   decrypt %s%n", implementation, figures(enc.get(implementation)),
                    figures(dec.get(implementation)));
        }
        System.out.printf("SM3 (BouncyCastle)    %s%n", figures(sm3));
        double openssl = openssl("sm4-ctr", true);
        double opensslCpu = openssl("sm4-ctr", false);
        double opensslGcm = openssl("sm4-gcm", true);
        System.out.printf("openssl speed -evp sm4-ctr (native, no GHASH): %s;  sm4-gcm: %s%n",
                openssl > 0 ? String.format("%.0f MB/s by wall time (%.0f by CPU time)", openssl, opensslCpu) : "no openssl",
                opensslGcm > 0 ? String.format("%.0f MB/s", opensslGcm) : "not offered by this OpenSSL");
        double ours = median(enc.get(Implementation.TABLES), 0);
        double bc = median(enc.get(Implementation.BOUNCY_CASTLE), 0);
        double oursCpu = median(enc.get(Implementation.TABLES), 1);
        double bcCpu = median(enc.get(Implementation.BOUNCY_CASTLE), 1);
        System.out.printf("sm4: SM4-GCM %.0f MB/s (tables) vs %.0f MB/s (BouncyCastle), ratio %.2f, openssl sm4-ctr %s;"
                        + " by CPU time %.0f vs %.0f MB/s, openssl %s%n",
                ours, bc, ours / bc, openssl > 0 ? String.format("%.0f MB/s", openssl) : "n/a", oursCpu, bcCpu,
                opensslCpu > 0 ? String.format("%.0f MB/s", opensslCpu) : "n/a");
    }

    static byte[] encrypt(Implementation implementation, byte[] plain, byte[] key, byte[] nonce, byte[] aad,
            ByteArrayOutputStream sink) throws IOException {
        try (OutputStream out = Sm4Gcm.encrypting(implementation, sink == null ? OutputStream.nullOutputStream() : sink,
                key, nonce, aad)) {
            for (int i = 0; i < plain.length; i += WRITE) {
                out.write(plain, i, Math.min(WRITE, plain.length - i));
            }
        }
        return sink == null ? null : sink.toByteArray();
    }

    static void decrypt(Implementation implementation, byte[] cipher, byte[] key, byte[] nonce, byte[] aad) throws IOException {
        byte[] buffer = new byte[WRITE];
        try (InputStream in = Sm4Gcm.decrypting(implementation, new ByteArrayInputStream(cipher), key, nonce, aad)) {
            while (in.read(buffer) >= 0) {
                // the tag is checked at the end
            }
        }
    }

    interface Work {
        void run() throws Exception;
    }

    /** {wall MB/s, CPU MB/s}. */
    private static double[] measure(long bytes, Work work) throws Exception {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        work.run();
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        return new double[] {bytes / 1048576.0 / wall, bytes / 1048576.0 / cpuSeconds};
    }

    private static String figures(List<double[]> runs) {
        return String.format("%4.0f / %4.0f  (%4.0f / %4.0f)", best(runs, 0), median(runs, 0), best(runs, 1), median(runs, 1));
    }

    private static double best(List<double[]> runs, int column) {
        return runs.stream().mapToDouble(r -> r[column]).max().orElse(0);
    }

    private static double median(List<double[]> runs, int column) {
        double[] values = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int n = values.length;
        return n == 0 ? 0 : n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /**
     * OpenSSL's native single-thread rate for {@code cipher} on 16 KB buffers, in MB (2^20 bytes) per second; 0 if
     * there is no {@code openssl} command or it lacks the cipher. By wall time ({@code -elapsed}) or by its CPU time.
     */
    static double openssl(String cipher, boolean elapsed) {
        try {
            List<String> command = new ArrayList<>(List.of("openssl", "speed", "-seconds", "3", "-bytes", "16384", "-evp", cipher));
            if (elapsed) {
                command.add(2, "-elapsed");
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return 0;
            }
            for (String line : output.split("\n")) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length == 2 && fields[0].equalsIgnoreCase(cipher) && fields[1].endsWith("k")) {
                    // openssl's unit is 1000 bytes per second
                    return Double.parseDouble(fields[1].substring(0, fields[1].length() - 1)) * 1000 / 1048576.0;
                }
            }
            return 0;
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 0;
        }
    }
}
