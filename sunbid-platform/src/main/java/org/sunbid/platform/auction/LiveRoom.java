package org.sunbid.platform.auction;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.sunbid.platform.auction.domain.AuctionRoom;
import org.sunbid.platform.auction.domain.Bid;
import org.sunbid.platform.auction.domain.BidDecision;
import org.sunbid.platform.auction.domain.RoomEvent;
import org.sunbid.platform.auction.domain.RoomSnapshot;

/**
 * One running room: the plain-Java {@link AuctionRoom}, its {@link Journal} and its sequencer — a lock under which the
 * server time is read, the event applied and queued to the journal, so the journal's order is the receipt order and
 * the times in it never go backwards. Watchers are told the room's state after each durable batch.
 */
final class LiveRoom {

    /** What the journal writer hands back with each event: the decision and the room as it stood after it. */
    record Applied(BidDecision decision, RoomSnapshot snapshot) {
    }

    private static final int RECENT = 512;

    final UUID lotId;
    final AuctionRoom room;
    final Journal journal;
    private final ReentrantLock sequencer = new ReentrantLock();
    private final ArrayDeque<RoomSnapshot> recent = new ArrayDeque<>();
    private final List<Bid> unlogged = new ArrayList<>();
    private final List<Consumer<RoomSnapshot>> watchers = new CopyOnWriteArrayList<>();
    private volatile RoomSnapshot durable;
    volatile long pushedVersion = -1;
    volatile RoomSnapshot pushed;
    volatile boolean endPublished;
    /** Held while admissions are journalled (never the room's monitor: the journal's writer takes that one). */
    final Object admission = new Object();
    /** The room's set of bidders is fixed (then a bid needs no admission check: the hot path stays as it was). */
    volatile boolean biddersFixed;

    /** Replays {@code journal} into a new room for its header. */
    LiveRoom(Journal.Header header, java.util.function.Function<Consumer<List<Journal.Durable>>, Journal> opener,
            java.time.Clock clock) {
        this.lotId = header.terms().lotId();
        this.room = header.admitting() ? AuctionRoom.admitting(header.terms(), header.bidderNumbers())
                : new AuctionRoom(header.terms(), header.bidderNumbers());
        this.journal = opener.apply(this::durable);
        for (RoomEvent e : journal.replayed()) {
            BidDecision d = room.apply(e);
            if (d instanceof BidDecision.Accepted a) {
                unlogged.add(a.bid());
            }
        }
        this.biddersFixed = room.biddersFixed();
        Instant now = clock.instant();
        Instant last = journal.replayed().isEmpty() ? now : journal.replayed().get(journal.replayed().size() - 1).at();
        this.durable = room.snapshot(now.isBefore(last) ? last : now);
    }

    /** A bid or change waiting for the sequencer. */
    private record Submission(java.time.Clock clock, java.util.function.Function<Instant, RoomEvent> make,
            CompletableFuture<Applied> done) {
    }

    private final java.util.concurrent.ConcurrentLinkedQueue<Submission> inbox = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Applies the event {@code make} makes from the server time read under the sequencer; durable when the future
     * completes. Flat combining: the caller queues its submission and, if the sequencer is free, applies everything
     * queued (its own and others', in queue order) — a caller finding it taken just returns and waits for its future,
     * since the holder checks the queue again after releasing it. So under load one thread applies whole runs of bids
     * while the others sleep once (on their acknowledgement) instead of handing the lock on one by one, and the lock is
     * never held while waiting for the fsync.
     */
    CompletableFuture<Applied> submit(java.time.Clock clock, java.util.function.Function<Instant, RoomEvent> make) {
        CompletableFuture<Applied> done = new CompletableFuture<>();
        inbox.add(new Submission(clock, make, done));
        drain();
        return done;
    }

    /** Applies what is queued while the sequencer is free; whoever holds it re-checks the queue after releasing it. */
    private void drain() {
        do {
            if (!sequencer.tryLock()) {
                return; // the holder sees our submission when it checks the queue after unlocking
            }
            try {
                for (Submission s; (s = inbox.poll()) != null; ) {
                    apply(s);
                }
            } finally {
                sequencer.unlock();
            }
        } while (!inbox.isEmpty());
    }

    private void apply(Submission s) {
        try {
            Instant now = s.clock().instant();
            RoomEvent event = s.make().apply(now);
            BidDecision decision = room.apply(event);
            Applied applied = new Applied(decision, room.snapshot(now));
            CompletableFuture<Applied> done = s.done();
            journal.append(event, applied).whenComplete((index, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else {
                    done.complete(applied);
                }
            });
        } catch (RuntimeException e) {
            s.done().completeExceptionally(e);
        }
    }

    /** Reads the room under the sequencer (time-dependent answers: phase, end, snapshot). */
    <T> T read(java.util.function.Function<AuctionRoom, T> reader) {
        sequencer.lock();
        try {
            return reader.apply(room);
        } finally {
            sequencer.unlock();
            if (!inbox.isEmpty()) {
                drain(); // submissions that found the sequencer taken by this reader
            }
        }
    }

    /** Called by the journal's writer after each fsync'd batch, before the acknowledgements. */
    private void durable(List<Journal.Durable> batch) {
        RoomSnapshot last = null;
        synchronized (this) {
            for (Journal.Durable d : batch) {
                Applied a = (Applied) d.attachment();
                if (a == null || d.event() instanceof RoomEvent.BidderAdmitted) { // an admission shows nowhere
                    continue;
                }
                if (a.decision() instanceof BidDecision.Accepted acc) {
                    unlogged.add(acc.bid());
                }
                last = a.snapshot();
            }
            if (last != null) {
                recent.addLast(last);
                while (recent.size() > RECENT) {
                    recent.removeFirst();
                }
                durable = last;
            }
        }
    }

    /** The room as last made durable. */
    RoomSnapshot durableSnapshot() {
        return durable;
    }

    /** The durable states published after {@code version}, oldest first (or just the latest where the gap is older). */
    synchronized List<RoomSnapshot> since(long version) {
        List<RoomSnapshot> out = new ArrayList<>();
        if (!recent.isEmpty() && recent.peekFirst().version() <= version + 1) {
            for (RoomSnapshot s : recent) {
                if (s.version() > version) {
                    out.add(s);
                }
            }
        } else if (durable.version() > version) {
            out.add(durable);
        }
        return out;
    }

    /** Accepted bids durable but not yet in the transparency log, taken (the caller logs them or puts them back). */
    synchronized List<Bid> takeUnlogged(long loggedSeq) {
        List<Bid> out = new ArrayList<>();
        for (Bid b : unlogged) {
            if (b.seq() > loggedSeq) {
                out.add(b);
            }
        }
        unlogged.clear();
        return out;
    }

    synchronized void putBack(List<Bid> bids) {
        unlogged.addAll(0, bids);
    }

    AutoCloseable watch(Consumer<RoomSnapshot> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    void push(RoomSnapshot snapshot) {
        pushed = snapshot;
        pushedVersion = snapshot.version();
        for (Consumer<RoomSnapshot> w : watchers) {
            try {
                w.accept(snapshot);
            } catch (RuntimeException e) {
                watchers.remove(w);
            }
        }
    }

    int watcherCount() {
        return watchers.size();
    }
}
