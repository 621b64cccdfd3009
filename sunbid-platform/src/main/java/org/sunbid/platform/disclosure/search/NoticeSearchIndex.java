package org.sunbid.platform.disclosure.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.sunbid.platform.auction.BiddingEnded;
import org.sunbid.platform.auction.ReserveOpened;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.disclosure.DealStage;
import org.sunbid.platform.disclosure.DisclosureError;
import org.sunbid.platform.disclosure.NoticeQuery;
import org.sunbid.platform.disclosure.NoticeResults;
import org.sunbid.platform.disclosure.NoticeSearch;
import org.sunbid.platform.evaluation.LotAwarded;
import org.sunbid.platform.evaluation.PublicityStarted;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.SunbidProperties;
import org.sunbid.platform.sealing.BidsOpened;
import org.sunbid.platform.sealing.OffersOpened;
import org.sunbid.platform.tendering.BiddingClosed;
import org.sunbid.platform.tendering.TenderPublished;

/**
 * The full-text search of the portal (issue 18) over the Lucene index under {@code <data-dir>/index/notices}. The index
 * follows the database: rebuilt from the owning contexts' public APIs ({@link PublicNotices}) when it is missing or of
 * another schema version, then each lot reindexed, whole and idempotently, after every public step its context
 * announces (after the commit, through the event publication registry, so a crash never loses one); steps no event
 * announces (a clarification, the candidates' publicity, a termination, a complaint's decision) are picked up by a
 * periodic refresh of the deals still running.
 */
@Service
class NoticeSearchIndex implements NoticeSearch {

    private static final Logger log = LoggerFactory.getLogger(NoticeSearchIndex.class);

    /** Stages after which nothing more is published for a lot but a complaint decision (the refresh skips them). */
    private static final Set<String> SETTLED = Set.of(DealStage.CONTRACTED.name(), DealStage.FAILED.name(),
            DealStage.TERMINATED.name());

    private final NoticeIndex index;
    private final PublicNotices notices;
    private final Regions regions;
    private volatile boolean ready;

    NoticeSearchIndex(SunbidProperties properties, PublicNotices notices, Regions regions) {
        this.index = NoticeIndex.open(indexDir(properties.dataDir()));
        this.notices = notices;
        this.regions = regions;
    }

    static Path indexDir(Path dataDir) {
        return dataDir.resolve("index").resolve("notices");
    }

    /** After the start (and the demo's load): rebuild the index if it was missing or of another schema version. */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (!index.current() || index.size() == 0) {
            rebuild();
        }
        ready = true;
    }

    /** Rebuilds the whole index from the database (every lot's public notices now). */
    synchronized void rebuild() {
        long start = System.nanoTime();
        index.clear();
        int n = 0;
        for (UUID lot : notices.allLots()) {
            for (NoticeIndex.Notice notice : notices.of(lot)) {
                index.put(notice);
                n++;
            }
        }
        index.commit();
        log.info("search index rebuilt: {} public notices in {} ms", n, (System.nanoTime() - start) / 1_000_000);
    }

    /** Reindexes lot {@code lotId} as the public sees it now (idempotent). */
    synchronized void reindex(UUID lotId) {
        index.replaceLot(lotId.toString(), notices.of(lotId));
    }

    @ApplicationModuleListener
    void on(TenderPublished event) {
        reindex(event.tenderId());
    }

    @ApplicationModuleListener
    void on(BiddingClosed event) {
        reindex(event.tenderId());
    }

    @ApplicationModuleListener
    void on(BidsOpened event) {
        reindex(event.tenderId());
    }

    @ApplicationModuleListener
    void on(OffersOpened event) {
        reindex(event.lotId());
    }

    @ApplicationModuleListener
    void on(LotAwarded event) {
        reindex(event.tenderId());
    }

    /** The candidates' publicity (Reg. 54) has no other event: without this it would wait for the next one. */
    @ApplicationModuleListener
    void on(PublicityStarted e) {
        reindex(e.tenderId());
    }

    @ApplicationModuleListener
    void on(BiddingEnded event) {
        reindex(event.lotId());
    }

    @ApplicationModuleListener
    void on(ReserveOpened event) {
        reindex(event.lotId());
    }

    /** The deals still running, reindexed: what their contexts publish without an event. */
    @Scheduled(initialDelayString = "${sunbid.search.refresh-interval:PT2M}",
            fixedDelayString = "${sunbid.search.refresh-interval:PT2M}")
    void refresh() {
        if (!ready) {
            return;
        }
        for (String lot : index.lotsOutside(SETTLED)) {
            reindex(UUID.fromString(lot));
        }
    }

    @Override
    public NoticeResults search(NoticeQuery query) {
        if (query.regionCode() != null && regions.find(query.regionCode()).isEmpty()) {
            throw new DomainException(DisclosureError.DISCLOSURE_UNKNOWN_REGION, query.regionCode());
        }
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw new DomainException(DisclosureError.DISCLOSURE_BAD_DATE_RANGE, query.from(), query.to());
        }
        if (query.minValue() != null && query.maxValue() != null && query.maxValue().compareTo(query.minValue()) < 0) {
            throw new DomainException(DisclosureError.DISCLOSURE_SEARCH_BAD_PARAMETER, "max", query.maxValue());
        }
        if ((long) (query.page() + 1) * query.size() > NoticeIndex.MAX_WINDOW) {
            throw new DomainException(DisclosureError.DISCLOSURE_SEARCH_BAD_PARAMETER, "page", query.page());
        }
        return index.search(query);
    }

    /** Closes the index with the application. */
    @jakarta.annotation.PreDestroy
    void close() {
        index.close();
    }

    /** For tests: the notices indexed. */
    int size() {
        return index.size();
    }

    /** For tests: what {@link PublicNotices} gives for the lots now. */
    List<NoticeIndex.Notice> publicNotices(UUID lotId) {
        return notices.of(lotId);
    }
}
