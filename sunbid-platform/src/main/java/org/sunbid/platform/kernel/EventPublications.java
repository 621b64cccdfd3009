package org.sunbid.platform.kernel;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks after Spring Modulith's event publication registry (table {@code event_publication}, migration
 * {@code platform/V1}). Every after-commit listener ({@code @ApplicationModuleListener}) gets a row in the publishing
 * transaction; the row is completed (completion date set, {@code spring.modulith.events.completion-mode: update}) when
 * the listener's own transaction commits. What stays incomplete runs again: all of it when the application starts
 * ({@code republish-outstanding-events-on-restart}), a failed one here every {@code sunbid.events.resubmit-interval}
 * once it is {@code sunbid.events.resubmit-after} old. Completed rows are kept {@code sunbid.events.keep-completed}
 * (for looking into what happened; the facts themselves are in the transparency log), then deleted: the runtime role
 * may update and delete this ordinary table (V41). Listeners are written to be run twice without effect.
 */
@Component
class EventPublications {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EventPublications.class);

    private final FailedEventPublications failed;
    private final CompletedEventPublications completed;
    private final Duration resubmitAfter;
    private final Duration keepCompleted;

    EventPublications(FailedEventPublications failed, CompletedEventPublications completed,
            @Value("${sunbid.events.resubmit-after:PT5M}") Duration resubmitAfter,
            @Value("${sunbid.events.keep-completed:P7D}") Duration keepCompleted) {
        this.failed = failed;
        this.completed = completed;
        this.resubmitAfter = resubmitAfter;
        this.keepCompleted = keepCompleted;
    }

    /** Runs the failed publications again, the oldest first. */
    @Scheduled(initialDelayString = "${sunbid.events.resubmit-interval:PT5M}", fixedDelayString = "${sunbid.events.resubmit-interval:PT5M}")
    void resubmitFailed() {
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(resubmitAfter));
    }

    /** Deletes the completed publications older than the retention. */
    @Scheduled(initialDelayString = "PT1H", fixedDelayString = "PT6H")
    void deleteOldCompleted() {
        completed.deletePublicationsOlderThan(keepCompleted);
        log.debug("deleted completed event publications older than {}", keepCompleted);
    }
}
