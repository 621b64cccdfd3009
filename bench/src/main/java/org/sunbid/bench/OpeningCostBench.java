package org.sunbid.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm2Certificates;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.Sm4Gcm;
import org.sunbid.sealing.Envelope;

/**
 * What opening one envelope costs beyond its two ciphers, by thread CPU time, so that the machine's load hardly
 * matters: on one thread, in turns, opening (to disk) an envelope of {@code S} MB sealed as {@link Envelope#seal} seals
 * now (STORED zip entries), the same file sealed the way envelopes were sealed before session 10 (every entry DEFLATED
 * at level 0, still how {@link Envelope#sealStream} seals its file), and the raw SM4-GCM decryption + SM3 of the same
 * bytes in memory. The first round warms up and is not counted. Usage:
 * {@code mvn -B -ntp -o -pl bench exec:exec@opening-cost [-Dopening.rounds=16] [-Dopening.mb=10]}.
 * Not a test.
 */
public final class OpeningCostBench {

    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int rounds = 16;
        int mb = 10;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--mb" -> mb = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("Sunbid opening cost — JDK %s, %d rounds of %d MB, SM4-GCM by %s, load average %.2f%n",
                System.getProperty("java.version"), rounds, mb, Sm4Gcm.DEFAULT,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "sunbid-opening-cost-");
        try {
            byte[] content = new byte[mb << 20];
            new SplittableRandom(42).nextBytes(content);
            Path bid = dir.resolve("bid.bin");
            Files.write(bid, content);
            KeyPair opening = Sm2.generateKeyPair();
            KeyPair bidderKeys = Sm2.generateKeyPair();
            Instant now = Instant.now();
            X509Certificate bidder = Sm2Certificates.selfSignedRoot("CN=Bench Bidder", bidderKeys,
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
            Path stored = dir.resolve("stored.sbenv");
            Path deflated = dir.resolve("deflated.sbenv");
            try (OutputStream out = Files.newOutputStream(stored)) {
                Envelope.seal(new Envelope.Contents(UUID.randomUUID(), "{}", Map.of(), Map.of("bid.bin", bid)),
                        opening.getPublic(), bidderKeys.getPrivate(), bidder, now, out);
            }
            try (OutputStream out = Files.newOutputStream(deflated)) {
                Envelope.write(UUID.randomUUID(), opening.getPublic(), bidderKeys.getPrivate(), bidder, now, out, zip -> {
                    zip.putNextEntry(new ZipEntry("price-sheet.json"));
                    zip.write("{}".getBytes());
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry("metadata.json"));
                    zip.write("{}".getBytes());
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry("files/bid.bin"));
                    Files.copy(bid, zip);
                    zip.closeEntry();
                });
            }
            byte[] key = Sm4Gcm.newKey();
            byte[] nonce = Sm4Gcm.newNonce();
            ByteArrayOutputStream ct = new ByteArrayOutputStream(content.length + 32);
            try (OutputStream enc = Sm4Gcm.encrypting(ct, key, nonce, new byte[0])) {
                enc.write(content);
            }
            byte[] ciphertext = ct.toByteArray();
            String[] names = {"open, STORED (seal now)", "open, DEFLATED (before)", "raw SM4-GCM + SM3"};
            long[] cpu = new long[3];
            long[] user = new long[3];
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < 3; k++) {
                    long c0 = THREAD.getCurrentThreadCpuTime();
                    long u0 = THREAD.getCurrentThreadUserTime();
                    if (k == 2) {
                        try (InputStream dec = Sm4Gcm.decrypting(new ByteArrayInputStream(ciphertext), key, nonce, new byte[0])) {
                            dec.transferTo(OutputStream.nullOutputStream());
                        }
                        Sm3.hash(content);
                    } else {
                        Path into = dir.resolve("opened-" + k);
                        Envelope.open(k == 0 ? stored : deflated, opening.getPrivate(), into, 1L << 40);
                        Files.delete(into.resolve("bid.bin"));
                    }
                    if (round > 0) {
                        cpu[k] += THREAD.getCurrentThreadCpuTime() - c0;
                        user[k] += THREAD.getCurrentThreadUserTime() - u0;
                    }
                }
            }
            double mbs = (double) mb * (rounds - 1);
            for (int k = 0; k < 3; k++) {
                System.out.printf("%-24s %5.1f MB per CPU-second, %4.1f%% of it in the kernel, %5.1f%% of raw%n", names[k],
                        mbs / (cpu[k] / 1e9), 100.0 * (cpu[k] - user[k]) / cpu[k], 100.0 * cpu[2] / cpu[k]);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
