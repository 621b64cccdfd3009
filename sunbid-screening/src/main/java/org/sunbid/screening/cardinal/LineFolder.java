package org.sunbid.screening.cardinal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Folds a JSON-lines file on several threads: the file is cut into chunks of {@code chunkSize} bytes; a line belongs to
 * the chunk where it starts; each thread takes the next chunk, reads it with positional reads into its own buffer
 * (memory per thread: one chunk plus the longest line), parses each line with its own {@link ProcessReader} and adds
 * it to its own {@link Fold}; the folds are merged at the end. A process's {@code seq} is the byte offset of its line.
 *
 * <p>An invalid line stops the run with the first such line of the file ({@link InvalidLineException}), unless
 * {@code skipInvalid} (Cardinal's behaviour: warn and go on).
 */
public final class LineFolder {

    /** Default chunk size: large enough to amortise a read, small enough to balance threads. */
    public static final int DEFAULT_CHUNK = 8 << 20;

    private final Engine engine;
    private final Supplier<ProcessReader> readers;
    private final int threads;
    private final int chunkSize;
    private final boolean skipInvalid;
    private final Consumer<String> warnings;

    public LineFolder(Engine engine, Supplier<ProcessReader> readers, int threads, int chunkSize, boolean skipInvalid,
                      Consumer<String> warnings) {
        if (threads < 1 || chunkSize < 2) throw new IllegalArgumentException("threads >= 1, chunkSize >= 2");
        this.engine = engine;
        this.readers = readers;
        this.threads = threads;
        this.chunkSize = chunkSize;
        this.skipInvalid = skipInvalid;
        this.warnings = warnings;
    }

    /** Folds the whole file. */
    public Fold fold(Path file) throws IOException, InvalidLineException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long chunks = Math.max(1, (size + chunkSize - 1) / chunkSize);
            AtomicInteger next = new AtomicInteger();
            AtomicLong firstError = new AtomicLong(Long.MAX_VALUE);
            int workers = (int) Math.min(threads, chunks);
            List<Worker> list = new ArrayList<>();
            for (int i = 0; i < workers; i++) list.add(new Worker(channel, size, chunks, next, firstError));
            if (workers == 1) {
                list.get(0).call();
            } else {
                ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                    Thread t = new Thread(r, "cardinal-fold");
                    t.setDaemon(true);
                    return t;
                });
                try {
                    List<Future<Void>> futures = new ArrayList<>();
                    for (Worker w : list) futures.add(pool.submit(w));
                    for (Future<Void> f : futures) f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof UncheckedIOException u) throw u.getCause();
                    if (c instanceof RuntimeException r) throw r;
                    if (c instanceof Error err) throw err;
                    throw new IOException(c);
                } finally {
                    pool.shutdownNow();
                }
            }
            long errorAt = firstError.get();
            if (errorAt != Long.MAX_VALUE) {
                String reason = null;
                for (Worker w : list) if (w.errorOffset == errorAt) reason = w.errorReason;
                throw new InvalidLineException(lineNumber(channel, errorAt), reason);
            }
            Fold fold = list.get(0).fold;
            for (int i = 1; i < list.size(); i++) fold.merge(list.get(i).fold);
            return fold;
        }
    }

    /** Folds a stream (standard input) on the calling thread. */
    public Fold fold(InputStream in) throws IOException, InvalidLineException {
        Fold fold = engine.newFold();
        ProcessReader reader = readers.get();
        byte[] buf = new byte[Math.min(chunkSize, 1 << 20)];
        int filled = 0;
        long offset = 0; // file offset of buf[0]
        long line = 1;
        boolean eof = false;
        while (!eof || filled > 0) {
            if (!eof) {
                if (filled == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                int n = in.read(buf, filled, buf.length - filled);
                if (n < 0) eof = true; else filled += n;
            }
            int start = 0;
            while (true) {
                int nl = indexOf(buf, start, filled);
                int end;
                if (nl >= 0) {
                    end = nl;
                } else if (eof && start < filled) {
                    end = filled;
                } else {
                    break;
                }
                readLine(reader, fold, buf, start, end, offset + start, line);
                line++;
                start = nl >= 0 ? nl + 1 : filled;
            }
            System.arraycopy(buf, start, buf, 0, filled - start);
            offset += start;
            filled -= start;
            if (eof && filled == 0) break;
        }
        return fold;
    }

    private void readLine(ProcessReader reader, Fold fold, byte[] buf, int start, int end, long seq, long line)
            throws InvalidLineException {
        try {
            fold.add(reader.read(buf, start, end - start, seq));
        } catch (MalformedLineException e) {
            if (!skipInvalid) throw new InvalidLineException(line, e.getMessage());
            warnings.accept("Line " + line + " is invalid JSON, skipping. [" + e.getMessage() + "]");
        }
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] == '\n') return i;
        return -1;
    }

    private static long lineNumber(FileChannel channel, long offset) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        long line = 1;
        long pos = 0;
        while (pos < offset) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), offset - pos));
            int n = channel.read(buf, pos);
            if (n <= 0) break;
            for (int i = 0; i < n; i++) if (buf.get(i) == '\n') line++;
            pos += n;
        }
        return line;
    }

    private final class Worker implements java.util.concurrent.Callable<Void> {
        final FileChannel channel;
        final long size;
        final long chunks;
        final AtomicInteger next;
        final AtomicLong firstError;
        final Fold fold = engine.newFold();
        final ProcessReader reader = readers.get();
        byte[] buf = new byte[chunkSize + 1 + (1 << 16)];
        long errorOffset = -1;
        String errorReason;

        Worker(FileChannel channel, long size, long chunks, AtomicInteger next, AtomicLong firstError) {
            this.channel = channel;
            this.size = size;
            this.chunks = chunks;
            this.next = next;
            this.firstError = firstError;
        }

        @Override
        public Void call() throws IOException {
            long k;
            while ((k = next.getAndIncrement()) < chunks) {
                long nominal = k * chunkSize;
                if (nominal > firstError.get()) return null;
                chunk(nominal, Math.min(size, nominal + chunkSize));
            }
            return null;
        }

        /** Lines starting in [from, to). */
        private void chunk(long from, long to) throws IOException {
            long base = Math.max(0, from - 1); // file offset of buf[0]
            int filled = read(base, 0, (int) (to - base));
            int start;
            if (from == 0) {
                start = 0;
            } else {
                int nl = indexOf(buf, 0, filled);
                if (nl < 0) return; // no line starts here
                start = nl + 1;
            }
            while (base + start < to) {
                int nl = indexOf(buf, start, filled);
                while (nl < 0 && base + filled < size) {
                    int before = filled;
                    if (filled == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                    filled += read(base + filled, filled, (int) Math.min(buf.length - filled, size - base - filled));
                    nl = indexOf(buf, before, filled);
                }
                int end = nl < 0 ? filled : nl;
                long seq = base + start;
                if (seq > firstError.get()) return;
                try {
                    fold.add(reader.read(buf, start, end - start, seq));
                } catch (MalformedLineException e) {
                    if (skipInvalid) {
                        synchronized (warnings) {
                            warnings.accept("Line " + lineNumber(channel, seq) + " is invalid JSON, skipping. ["
                                    + e.getMessage() + "]");
                        }
                    } else {
                        errorOffset = seq;
                        errorReason = e.getMessage();
                        firstError.accumulateAndGet(seq, Math::min);
                        return;
                    }
                }
                if (nl < 0) return;
                start = nl + 1;
            }
        }

        private int read(long position, int at, int length) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(buf, at, length);
            long pos = position;
            while (b.hasRemaining()) {
                int n = channel.read(b, pos);
                if (n < 0) break;
                pos += n;
            }
            return (int) (pos - position);
        }
    }
}
