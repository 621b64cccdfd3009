package org.sunbid.sealing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

class ParallelOpeningTest {

    @Test
    void everyIndexRunsOnceEachIntoItsOwnSlotOnAtMostTheGivenThreads() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            AtomicIntegerArray runs = new AtomicIntegerArray(1000);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            ParallelOpening.forEach(pool, 3, 1000, i -> {
                runs.incrementAndGet(i);
                threads.add(Thread.currentThread().getName());
            });
            for (int i = 0; i < 1000; i++) {
                assertEquals(1, runs.get(i), "index " + i);
            }
            assertTrue(threads.size() <= 3, threads.toString());
            ParallelOpening.forEach(pool, 3, 0, i -> {
                throw new AssertionError("nothing to run");
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBusyPoolDoesNotHoldTheCallerWhoDoesTheWorkItself() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.submit(() -> release.await(30, TimeUnit.SECONDS)); // the only pool thread is taken by another opening
            AtomicIntegerArray runs = new AtomicIntegerArray(20);
            long start = System.nanoTime();
            ParallelOpening.forEach(pool, 4, 20, runs::incrementAndGet);
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 10);
            for (int i = 0; i < 20; i++) {
                assertEquals(1, runs.get(i), "index " + i);
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aPieceThatFailsIsRethrownAfterTheOthersRan() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            AtomicIntegerArray runs = new AtomicIntegerArray(50);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ParallelOpening.forEach(pool, 2, 50, i -> {
                runs.incrementAndGet(i);
                if (i == 17) {
                    throw new IllegalStateException("piece 17");
                }
            }));
            assertEquals("piece 17", e.getMessage());
            for (int i = 0; i < 50; i++) {
                assertEquals(1, runs.get(i), "index " + i); // the other thread went on to the end
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
