package org.sunbid.platform.evaluation;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Moves a stored evaluation from one stage to the next, only as {@link Stage#mayBecome} allows. */
final class StageStore {

    private StageStore() {
    }

    static void advance(JdbcClient jdbc, UUID tenderId, Stage from, Stage to) {
        if (!from.mayBecome(to)) {
            throw new IllegalStateException(from + " cannot become " + to);
        }
        int moved = jdbc.sql("UPDATE evaluation SET stage = :to, version = version + 1 WHERE tender_id = :t AND stage = :from")
                .param("to", to.name()).param("t", tenderId).param("from", from.name()).update();
        if (moved != 1) {
            throw new IllegalStateException("evaluation of " + tenderId + " is no longer " + from);
        }
    }
}
