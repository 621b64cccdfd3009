package org.sunbid.platform.trust;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.log.ReceiptBatch;

/**
 * Signs receipts (回执) per batch: a caller hands in its receipt's canonical JSON and waits while one thread gathers
 * whatever receipts are queued (for at most the merge delay, or until the batch is full), builds the
 * {@link ReceiptBatch} tree of the fixed width, signs its statement once with the {@link PlatformIdentity} and hands
 * every caller its {@link ReceiptBatch.Proof}. One SM2 signature serves up to a whole batch, so a deadline surge is
 * not capped by the signing rate; the fixed width and random padding keep the number of receipts in a batch secret.
 *
 * <p>{@link #sign} throws when the queue is full or the batch cannot be signed: the caller's transaction rolls back
 * and no receipt exists without its proof.
 */
@Component
public class ReceiptSigner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReceiptSigner.class);

    private final java.util.function.UnaryOperator<byte[]> signer;
    private final Clock clock;
    private final int width;
    private final long mergeNanos;
    private final Duration wait;
    private final BlockingQueue<Pending> queue;
    private final SecureRandom random = new SecureRandom();
    private final Thread worker;
    private volatile boolean running = true;

    private record Pending(String receipt, CompletableFuture<ReceiptBatch.Proof> proof) {
    }

    @Autowired
    ReceiptSigner(PlatformIdentity platform, Clock clock, @Value("${sunbid.receipts.batch-width:256}") int width,
            @Value("${sunbid.receipts.merge-delay:1ms}") Duration mergeDelay,
            @Value("${sunbid.receipts.queue:8192}") int capacity,
            @Value("${sunbid.receipts.wait:10s}") Duration wait) {
        this(platform::sign, clock, width, mergeDelay, capacity, wait);
    }

    private ReceiptSigner(java.util.function.UnaryOperator<byte[]> signer, Clock clock, int width, Duration mergeDelay,
            int capacity, Duration wait) {
        ReceiptBatch.build(List.of(), width, random); // refuses a width that is not a power of two at start-up
        this.signer = signer;
        this.clock = clock;
        this.width = width;
        this.mergeNanos = mergeDelay.toNanos();
        this.wait = wait;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(this::run, "receipt-signer");
        worker.setDaemon(true);
        worker.start();
    }

    /** The batch proof of {@code receiptJson}, once its batch is signed; blocks the caller until then. */
    public ReceiptBatch.Proof sign(String receiptJson) {
        if (!running) {
            throw new IllegalStateException("the receipt signer is stopped");
        }
        Pending pending = new Pending(receiptJson, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the receipt signer's queue is full");
            }
            return pending.proof().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the receipt batch was signed", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the receipt batch could not be signed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the receipt batch was not signed in time", e);
        }
    }

    /**
     * A signer with a key of its own, outside the application (benchmarks): the same batching, signing with
     * {@code key}. Stop it with {@link #destroy()}.
     */
    public static ReceiptSigner withKey(java.security.PrivateKey key, Clock clock, int width, Duration mergeDelay) {
        return new ReceiptSigner(data -> org.sunbid.crypto.Sm2.sign(key, data), clock, width, mergeDelay, 8192, Duration.ofSeconds(10));
    }

    /** The fixed width of every batch. */
    public int width() {
        return width;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(width);
        while (running) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long until = System.nanoTime() + mergeNanos;
                while (batch.size() < width) {
                    queue.drainTo(batch, width - batch.size());
                    long left = until - System.nanoTime();
                    if (batch.size() >= width || left <= 0) {
                        break;
                    }
                    Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next != null) {
                        batch.add(next);
                    }
                }
                signBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                log.error("a receipt batch could not be signed", e);
                batch.forEach(p -> p.proof().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        batch.addAll(left);
        batch.forEach(p -> p.proof().completeExceptionally(new IllegalStateException("the receipt signer stopped")));
    }

    private void signBatch(List<Pending> batch) {
        ReceiptBatch.Built built = ReceiptBatch.build(batch.stream().map(Pending::receipt).toList(), width, random);
        Instant signedAt = clock.instant();
        String signature = Base64.getEncoder().encodeToString(
                signer.apply(built.statement(signedAt).getBytes(StandardCharsets.UTF_8)));
        List<ReceiptBatch.Proof> proofs = built.proofs(signedAt, signature);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).proof().complete(proofs.get(i));
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        worker.join(2000);
    }
}
