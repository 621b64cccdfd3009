package org.sunbid.platform.audit;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Signs a new tree head on a schedule ({@code sunbid.audit.head-interval}, one minute by default) when the log grew. */
@Component
class TreeHeadSchedule {

    private final AuditLog log;

    TreeHeadSchedule(AuditLog log) {
        this.log = log;
    }

    @Scheduled(fixedDelayString = "${sunbid.audit.head-interval:PT1M}", initialDelayString = "${sunbid.audit.head-interval:PT1M}")
    void signIfGrown() {
        log.currentHead();
    }
}
