package org.sunbid.screening.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Reads a file of lines (JSON lines) in chunks on several threads: the calling thread reads the file sequentially into
 * a fixed pool of buffers, each cut after its last newline (the partial line is carried into the next buffer), and
 * hands them through a bounded queue to {@code threads} workers. Memory is bounded by the pool ({@code 2 × threads + 1}
 * buffers of {@code chunkBytes}; a buffer grows only for a line longer than itself), whatever the file's size. Chunks
 * reach the workers in no particular order, so what a worker computes must not depend on the order of lines (Cardinal's
 * fold/reduce does not).
 */
public final class LineChunks {

    /** Default chunk size: big enough that hand-over costs nothing, small enough to keep both cores fed. */
    public static final int CHUNK_BYTES = 4 << 20;

    /** One worker's view of the file: called with whole lines only, on one thread. */
    public interface Worker {

        /**
         * Whole lines {@code buf[from, to)}: every line in it ends with {@code '\n'}, except the file's last line if
         * the file does not end with a newline. The buffer is reused after the call returns.
         */
        void chunk(byte[] buf, int from, int to);
    }

    private LineChunks() {
    }

    /**
     * Reads {@code file} with {@code threads} workers made by {@code workers} (given their index 0…threads-1), returns
     * the number of bytes read. Any worker's exception stops the run and is rethrown here.
     */
    public static long read(Path file, int threads, int chunkBytes, IntFunction<? extends Worker> workers)
            throws IOException {
        if (threads < 1 || chunkBytes < 16) {
            throw new IllegalArgumentException("threads " + threads + ", chunk " + chunkBytes);
        }
        BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(2 * threads + 1);
        for (int i = 0; i < 2 * threads + 1; i++) {
            free.add(new Chunk(new byte[chunkBytes]));
        }
        BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(2 * threads + 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> running = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            Worker worker = workers.apply(t);
            Thread thread = new Thread(() -> work(worker, full, free, failure), "line-chunks-" + t);
            thread.setDaemon(true);
            thread.start();
            running.add(thread);
        }
        long total = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Chunk chunk = free.take();
            int carried = 0;
            while (failure.get() == null) {
                ByteBuffer target = ByteBuffer.wrap(chunk.buf, carried, chunk.buf.length - carried);
                int n = 0;
                while (target.hasRemaining()) {
                    int r = channel.read(target);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
                total += n;
                int filled = carried + n;
                boolean eof = target.hasRemaining();
                if (eof) {
                    if (filled > 0) {
                        chunk.to = filled;
                        full.put(chunk);
                    } else {
                        free.put(chunk);
                    }
                    break;
                }
                int cut = filled;
                while (cut > 0 && chunk.buf[cut - 1] != '\n') {
                    cut--;
                }
                Chunk next = free.take();
                if (cut == 0) {
                    // one line longer than the buffer: grow this buffer and read on into it
                    chunk.buf = Arrays.copyOf(chunk.buf, chunk.buf.length * 2);
                    free.put(next);
                    carried = filled;
                    continue;
                }
                int rest = filled - cut;
                if (next.buf.length < rest) {
                    next.buf = new byte[Math.max(rest * 2, chunkBytes)];
                }
                System.arraycopy(chunk.buf, cut, next.buf, 0, rest);
                chunk.to = cut;
                full.put(chunk);
                chunk = next;
                carried = rest;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted reading " + file, e);
        } finally {
            for (int t = 0; t < threads; t++) {
                putUninterruptibly(full, Chunk.END);
            }
            for (Thread thread : running) {
                joinUninterruptibly(thread);
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        } else if (t instanceof Error e) {
            throw e;
        } else if (t != null) {
            throw new UncheckedIOException(new IOException(t));
        }
        return total;
    }

    private static void work(Worker worker, BlockingQueue<Chunk> full, BlockingQueue<Chunk> free,
            AtomicReference<Throwable> failure) {
        while (true) {
            Chunk chunk;
            try {
                chunk = full.take();
            } catch (InterruptedException e) {
                failure.compareAndSet(null, e);
                return;
            }
            if (chunk == Chunk.END) {
                return;
            }
            try {
                if (failure.get() == null) {
                    worker.chunk(chunk.buf, 0, chunk.to);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                putUninterruptibly(free, chunk);
            }
        }
    }

    private static void putUninterruptibly(BlockingQueue<Chunk> queue, Chunk chunk) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(chunk);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Chunk {
        static final Chunk END = new Chunk(new byte[0]);
        byte[] buf;
        int to;

        Chunk(byte[] buf) {
            this.buf = buf;
        }
    }
}
