package org.sunbid.platform.auction;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.sunbid.platform.auction.domain.AuctionFormat;
import org.sunbid.platform.auction.domain.AuctionTerms;
import org.sunbid.platform.auction.domain.RoomEvent;

/**
 * One auction room's append-only journal (plain Java): a header (the room's terms and its qualified bidder numbers,
 * with their SM3) and then the {@link RoomEvent}s in the order the room applied them, each record framed as
 * {@code [int length][int CRC32C][payload]}. Appends are group-committed: one writer thread takes everything that has
 * arrived, writes it, {@link FileChannel#force(boolean) force}s it and only then completes every waiting
 * acknowledgement — so the durable append rate is the batch size times the fsync rate. A torn tail (a crash in the
 * middle of a write: a short record or a CRC mismatch) is detected and cut off on {@link #open}; what precedes it is
 * replayed in order.
 */
public final class Journal implements AutoCloseable {

    /**
     * The room's fixed part, written once as the first record. {@code admitting}: the room opened while applications were
     * open (a listing, 39号令 Art. 17–19), {@code bidderNumbers} are those admitted by then (often none) and the set grows
     * by {@link RoomEvent.BidderAdmitted} records until {@link RoomEvent.BiddersFixed}; else the set is final.
     */
    public record Header(AuctionTerms terms, Set<String> bidderNumbers, boolean admitting) {

        public Header {
            bidderNumbers = Set.copyOf(new TreeSet<>(bidderNumbers));
        }

        /** A header whose bidder set is final. */
        public Header(AuctionTerms terms, Set<String> bidderNumbers) {
            this(terms, bidderNumbers, false);
        }

        /** SM3 over the sorted bidder numbers, one a line (kept in the header, checked on open). */
        public String numbersSm3() {
            return sm3Hex(String.join("\n", new TreeSet<>(bidderNumbers)).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An event the writer made durable: its index (1-based, in journal order) and whatever the caller attached. */
    public record Durable(long index, RoomEvent event, Object attachment) {
    }

    private static final byte HEADER = 'H', BID = 'B', INCREMENT = 'I', SUSPENDED = 'S', RESUMED = 'R', ADMITTED = 'A',
            FIXED = 'F';
    private static final int MAX_RECORD = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final Header header;
    private final List<RoomEvent> replayed;
    private final Consumer<List<Durable>> onDurable;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private List<Pending> queue = new ArrayList<>();
    private long appended;
    private volatile boolean closed;
    private final Thread writer;
    private volatile long syncs;

    private record Pending(long index, RoomEvent event, byte[] record, Object attachment, CompletableFuture<Long> done) {
    }

    private Journal(Path file, FileChannel channel, Header header, List<RoomEvent> replayed,
            Consumer<List<Durable>> onDurable) {
        this.file = file;
        this.channel = channel;
        this.header = header;
        this.replayed = List.copyOf(replayed);
        this.onDurable = onDurable;
        this.appended = replayed.size();
        this.writer = new Thread(this::write, "journal-" + file.getFileName());
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Opens (or creates, with {@code headerIfNew}) the journal at {@code file}: a torn or corrupt tail is cut off, the
     * events before it are {@link #replayed()}. {@code onDurable} is called by the writer thread after each fsync'd batch.
     */
    public static Journal open(Path file, Header headerIfNew, Consumer<List<Durable>> onDurable) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            Header header = null;
            List<RoomEvent> events = new ArrayList<>();
            long good = 0;
            long size = channel.size();
            ByteBuffer frame = ByteBuffer.allocate(8);
            while (good + 8 <= size) {
                frame.clear();
                channel.read(frame, good);
                frame.flip();
                int length = frame.getInt();
                int crc = frame.getInt();
                if (length <= 0 || length > MAX_RECORD || good + 8 + length > size) {
                    break; // torn: the record's length or body never fully reached the disk
                }
                ByteBuffer body = ByteBuffer.allocate(length);
                channel.read(body, good + 8);
                if (crc32c(body.array()) != crc) {
                    break; // torn or corrupt: nothing after it can be trusted
                }
                if (header == null) {
                    header = readHeader(body.array());
                } else {
                    events.add(readEvent(body.array()));
                }
                good += 8 + length;
            }
            if (good < size) {
                channel.truncate(good);
                channel.force(true);
            }
            if (header == null) {
                if (headerIfNew == null) {
                    channel.close();
                    throw new IllegalStateException("journal " + file + " has no header");
                }
                header = headerIfNew;
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(frame(header(header))), 0);
                channel.force(true);
            }
            channel.position(channel.size());
            return new Journal(file, channel, header, events, onDurable == null ? d -> { } : onDurable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    public Header header() {
        return header;
    }

    /** The events found on open, in order. */
    public List<RoomEvent> replayed() {
        return replayed;
    }

    /** Events in the journal (replayed plus appended), durable or queued. */
    public long size() {
        lock.lock();
        try {
            return appended;
        } finally {
            lock.unlock();
        }
    }

    /** fsyncs done since open. */
    public long syncs() {
        return syncs;
    }

    /**
     * Queues {@code event} after everything queued before it; the future completes with its index (1-based) once it is
     * on disk (fsync'd). Callers that need the journal's order to equal their own call this under their own lock.
     */
    public CompletableFuture<Long> append(RoomEvent event, Object attachment) {
        byte[] record = frame(encode(event));
        CompletableFuture<Long> done = new CompletableFuture<>();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("journal closed");
            }
            queue.add(new Pending(++appended, event, record, attachment, done));
            arrived.signal();
        } finally {
            lock.unlock();
        }
        return done;
    }

    private void write() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        while (true) {
            List<Pending> batch;
            lock.lock();
            try {
                while (queue.isEmpty() && !closed) {
                    arrived.awaitUninterruptibly();
                }
                if (queue.isEmpty()) {
                    return;
                }
                batch = queue;
                queue = new ArrayList<>(Math.max(16, batch.size()));
            } finally {
                lock.unlock();
            }
            try {
                for (Pending p : batch) {
                    if (buffer.remaining() < p.record().length) {
                        flush(buffer);
                        if (buffer.remaining() < p.record().length) {
                            channel.write(ByteBuffer.wrap(p.record()));
                            continue;
                        }
                    }
                    buffer.put(p.record());
                }
                flush(buffer);
                channel.force(false);
                syncs++;
            } catch (IOException | RuntimeException e) {
                batch.forEach(p -> p.done().completeExceptionally(e));
                continue;
            }
            List<Durable> durable = new ArrayList<>(batch.size());
            for (Pending p : batch) {
                durable.add(new Durable(p.index(), p.event(), p.attachment()));
            }
            try {
                onDurable.accept(durable);
            } catch (RuntimeException ignored) {
                // a listener's failure never withholds an acknowledgement of what is on disk
            }
            batch.forEach(p -> p.done().complete(p.index()));
        }
    }

    private void flush(ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** Waits for everything queued to be durable, then closes the file. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            arrived.signal();
        } finally {
            lock.unlock();
        }
        try {
            writer.join(10_000);
            channel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] frame(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putInt(payload.length).putInt(crc32c(payload)).put(payload);
        return b.array();
    }

    static int crc32c(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    static String sm3Hex(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private static byte[] header(Header h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        AuctionTerms t = h.terms();
        out.writeByte(HEADER);
        out.writeLong(t.lotId().getMostSignificantBits());
        out.writeLong(t.lotId().getLeastSignificantBits());
        out.writeUTF(t.format().name());
        out.writeLong(t.startPrice());
        out.writeLong(t.increment());
        writeInstant(out, t.biddingStart());
        out.writeBoolean(t.freeEnd() != null);
        if (t.freeEnd() != null) {
            writeInstant(out, t.freeEnd());
        }
        out.writeLong(t.freeze().toNanos());
        out.writeLong(t.pause().toNanos());
        out.writeLong(t.countdown().toNanos());
        out.writeInt(t.timedRoundMinBidders());
        out.writeInt(t.minBidders());
        out.writeBoolean(t.reserveSealed());
        TreeSet<String> numbers = new TreeSet<>(h.bidderNumbers());
        out.writeInt(numbers.size());
        for (String n : numbers) {
            out.writeUTF(n);
        }
        out.writeUTF(h.numbersSm3());
        out.writeBoolean(h.admitting()); // absent in journals written before admission during the listing: false
        return bytes.toByteArray();
    }

    private static Header readHeader(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
        if (in.readByte() != HEADER) {
            throw new IOException("not a journal header");
        }
        UUID lot = new UUID(in.readLong(), in.readLong());
        AuctionFormat format = AuctionFormat.valueOf(in.readUTF());
        long start = in.readLong();
        long increment = in.readLong();
        Instant biddingStart = readInstant(in);
        Instant freeEnd = in.readBoolean() ? readInstant(in) : null;
        Duration freeze = Duration.ofNanos(in.readLong());
        Duration pause = Duration.ofNanos(in.readLong());
        Duration countdown = Duration.ofNanos(in.readLong());
        int timedMin = in.readInt();
        int min = in.readInt();
        boolean reserve = in.readBoolean();
        int n = in.readInt();
        Set<String> numbers = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            numbers.add(in.readUTF());
        }
        String sm3 = in.readUTF();
        boolean admitting = in.available() > 0 && in.readBoolean();
        Header header = new Header(new AuctionTerms(lot, format, start, increment, biddingStart, freeEnd, freeze, pause,
                countdown, timedMin, min, reserve), numbers, admitting);
        if (!header.numbersSm3().equals(sm3)) {
            throw new IOException("bidder numbers do not match their hash");
        }
        return header;
    }

    static byte[] encode(RoomEvent event) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(48);
            DataOutputStream out = new DataOutputStream(bytes);
            if (event instanceof RoomEvent.BidPlaced b) {
                out.writeByte(BID);
                out.writeUTF(b.bidderNumber());
                out.writeLong(b.amount());
            } else if (event instanceof RoomEvent.IncrementChanged i) {
                out.writeByte(INCREMENT);
                out.writeLong(i.increment());
            } else if (event instanceof RoomEvent.Suspended s) {
                out.writeByte(SUSPENDED);
                out.writeUTF(s.reason());
            } else if (event instanceof RoomEvent.BidderAdmitted a) {
                out.writeByte(ADMITTED);
                out.writeUTF(a.bidderNumber());
            } else if (event instanceof RoomEvent.BiddersFixed) {
                out.writeByte(FIXED);
            } else {
                out.writeByte(RESUMED);
            }
            writeInstant(out, event.at());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RoomEvent readEvent(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
        byte type = in.readByte();
        return switch (type) {
            case BID -> {
                String number = in.readUTF();
                long amount = in.readLong();
                yield new RoomEvent.BidPlaced(number, amount, readInstant(in));
            }
            case INCREMENT -> {
                long increment = in.readLong();
                yield new RoomEvent.IncrementChanged(increment, readInstant(in));
            }
            case SUSPENDED -> {
                String reason = in.readUTF();
                yield new RoomEvent.Suspended(reason, readInstant(in));
            }
            case RESUMED -> new RoomEvent.Resumed(readInstant(in));
            case ADMITTED -> {
                String number = in.readUTF();
                yield new RoomEvent.BidderAdmitted(number, readInstant(in));
            }
            case FIXED -> new RoomEvent.BiddersFixed(readInstant(in));
            default -> throw new IOException("unknown journal record " + type);
        };
    }

    private static void writeInstant(DataOutputStream out, Instant at) throws IOException {
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
