package org.sunbid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * CPU time of processes from Linux's {@code /proc/<pid>/stat} (user + system), so that a benchmark can say how much
 * CPU each party spent on its work whatever else runs on the machine: a rate per wall second is only as good as the
 * machine is quiet, CPU milliseconds per operation are not (apart from cache and frequency effects).
 * <p>
 * A snapshot ({@link #snapshot}) reads, in clock ticks: this JVM (the benchmark's client), the platform's JVM, and the
 * embedded PostgreSQL server (its postmaster, found by the {@code postmaster.pid} in the platform's data directory,
 * with its children reaped so far and its live children, i.e. every backend). A backend that exits between two
 * snapshots is counted once: live in the first, in the postmaster's reaped-children time in the second. Also the
 * whole machine's busy time from {@code /proc/stat}, so that the rest (other processes) shows.
 */
final class ProcessCpu {

    /** Clock ticks per second ({@code getconf CLK_TCK}; 100 on Linux unless configured otherwise). */
    static final long TICKS = ticksPerSecond();

    /** CPU ticks of each party at one moment; -1 where it could not be read. */
    record Snapshot(long nanos, long client, long platform, long postgres, long machine) {

        /** CPU milliseconds spent between {@code before} and this snapshot: client, platform, PostgreSQL, machine. */
        long[] millisSince(Snapshot before) {
            return new long[] {ms(client, before.client), ms(platform, before.platform), ms(postgres, before.postgres),
                    ms(machine, before.machine)};
        }

        private static long ms(long after, long before) {
            return after < 0 || before < 0 ? -1 : (after - before) * 1000 / TICKS;
        }
    }

    private ProcessCpu() {
    }

    /** This JVM, the platform's JVM ({@code platformPid}) and the PostgreSQL server whose data directory is {@code pgData}. */
    static Snapshot snapshot(long platformPid, Path pgData) {
        long postgres = -1;
        Optional<Long> postmaster = postmaster(pgData);
        if (postmaster.isPresent()) {
            long[] own = stat(postmaster.get());
            if (own != null) {
                postgres = own[0] + own[1] + own[2] + own[3];
                for (ProcessHandle child : ProcessHandle.of(postmaster.get()).map(h -> h.descendants().toList()).orElse(List.of())) {
                    long[] c = stat(child.pid());
                    if (c != null) {
                        postgres += c[0] + c[1];
                    }
                }
            }
        }
        long[] client = stat(ProcessHandle.current().pid());
        long[] platform = stat(platformPid);
        return new Snapshot(System.nanoTime(), client == null ? -1 : client[0] + client[1],
                platform == null ? -1 : platform[0] + platform[1], postgres, machineBusy());
    }

    /** The postmaster's pid: the first line of {@code postmaster.pid} in the server's data directory. */
    static Optional<Long> postmaster(Path pgData) {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** utime, stime, cutime, cstime of {@code pid} in ticks, or null if it is gone. */
    static long[] stat(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        // the command name (field 2) is in parentheses and may hold spaces: count fields after its closing one
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // f[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
    }

    /** The machine's busy ticks over all cores (user, nice, system, irq, softirq, steal), or -1. */
    static long machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU ticks (user + system) of each live thread of {@code pid}, summed by its name with digits folded to {@code #}
     * (Linux keeps the first 15 characters of a thread's name): where a process's CPU went, GC and compiler threads
     * included. A thread that ends between two readings drops out of the difference.
     */
    static java.util.Map<String, Long> threads(long pid) {
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String line = Files.readString(task.resolve("stat"));
                    String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    byName.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended
        }
        return byName;
    }

    /** {@code after - before} by thread name in milliseconds, largest first, the first {@code top} of them. */
    static String threadsSince(java.util.Map<String, Long> before, java.util.Map<String, Long> after, double perDivisor, int top) {
        return after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) * 1000 / TICKS))
                .filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / perDivisor))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException | InterruptedException e) {
            return 100;
        }
    }
}
