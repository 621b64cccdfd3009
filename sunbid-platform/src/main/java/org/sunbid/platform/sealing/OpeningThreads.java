package org.sunbid.platform.sealing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The threads openings run on, apart from the request threads and from the common pool: {@link #envelopes()} decrypts
 * envelopes ({@link EnvelopeOpener#openAll}, one thread per core by default), {@link #openings()} runs whole bid openings
 * outside the custodian's request ({@link BidOpenings}) and waits on the envelope pool, so the two are kept apart (an
 * opening never waits for a task queued behind itself). Not an {@code Executor} bean itself, so that Spring Boot's own
 * task executor stays as it is.
 */
@Component
class OpeningThreads implements DisposableBean {

    private final ExecutorService envelopes;
    private final ExecutorService openings;
    private final int threads;

    OpeningThreads(@Value("${sunbid.sealing.opening-threads:0}") int threads) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.envelopes = Executors.newFixedThreadPool(this.threads, named("sunbid-envelope-"));
        this.openings = Executors.newFixedThreadPool(2, named("sunbid-opening-"));
    }

    /** Decrypts envelopes: {@code sunbid.sealing.opening-threads} threads (0, the default: one per core). */
    ExecutorService envelopes() {
        return envelopes;
    }

    /** How many threads {@link #envelopes()} has. */
    int threads() {
        return threads;
    }

    /** Runs bid openings once their threshold of shares is in (two at a time; each on the envelope pool). */
    ExecutorService openings() {
        return openings;
    }

    @Override
    public void destroy() {
        openings.shutdownNow();
        envelopes.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
