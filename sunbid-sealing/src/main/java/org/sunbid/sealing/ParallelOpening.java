package org.sunbid.sealing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs {@code n} independent pieces of work (envelopes to open) on a bounded pool: at most {@code threads} at a time, the
 * calling thread one of them, each piece claimed once in index order by whichever thread is free. Whatever each piece
 * produces it writes to its own slot, so the results keep the original order whatever the threads' timing. The caller
 * always takes part, so the work finishes even when the pool is busy with another opening. Plain Java, no Spring.
 */
public final class ParallelOpening {

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int SKIPPED = 2;

    private ParallelOpening() {
    }

    /**
     * Calls {@code work} once for each index in {@code [0, n)} on up to {@code min(threads, n)} threads: the caller and
     * up to {@code threads - 1} tasks on {@code pool}. Returns when every index is done; the first error a piece throws is
     * rethrown then (the other pieces still run, each owning its own output).
     */
    public static void forEach(ExecutorService pool, int threads, int n, IntConsumer work) {
        AtomicInteger next = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        Runnable loop = () -> {
            for (int i; (i = next.getAndIncrement()) < n; ) {
                try {
                    work.accept(i);
                } catch (RuntimeException | Error e) {
                    failed.compareAndSet(null, e); // the first is rethrown; the other pieces still run
                }
            }
        };
        int helpers = Math.max(0, Math.min(threads, n) - 1);
        List<AtomicInteger> states = new ArrayList<>(helpers); // QUEUED, then RUNNING or SKIPPED
        List<Future<?>> tasks = new ArrayList<>(helpers);
        for (int t = 0; t < helpers; t++) {
            AtomicInteger state = new AtomicInteger(QUEUED);
            try {
                tasks.add(pool.submit(() -> {
                    if (state.compareAndSet(QUEUED, RUNNING)) {
                        loop.run();
                    }
                }));
                states.add(state);
            } catch (java.util.concurrent.RejectedExecutionException shutDown) {
                break; // the caller does the rest
            }
        }
        loop.run();
        Throwable failure = null;
        boolean interrupted = false;
        for (int t = 0; t < tasks.size(); t++) {
            if (states.get(t).compareAndSet(QUEUED, SKIPPED)) {
                continue; // never started (the pool was busy): nothing is left for it to claim
            }
            while (true) {
                try {
                    tasks.get(t).get();
                    break;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the pieces still running write into the caller's slots: wait for them
                }
            }
        }
        if (failed.get() != null) {
            failure = failed.get();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
