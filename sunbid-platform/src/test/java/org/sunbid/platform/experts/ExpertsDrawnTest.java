package org.sunbid.platform.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What a listener of a completed draw is told: typed, with the committee's size (Law 37 counts both sides). */
class ExpertsDrawnTest {

    private static final Instant START = Instant.parse("2026-12-15T01:00:00Z");

    @Test
    void law37_panelSizeCountsDrawnExpertsAndRepresentatives() {
        ExpertsDrawn drawn = new ExpertsDrawn(UUID.randomUUID(), UUID.randomUUID(), START, 4, 1);
        assertThat(drawn.panelSize()).isEqualTo(5);
        assertThat(new ExpertsDrawn(UUID.randomUUID(), UUID.randomUUID(), START, 7, 0).panelSize()).isEqualTo(7);
    }

    @Test
    void aDrawWithoutItsTenderOrStartOrExpertsIsNoEvent() {
        assertThatThrownBy(() -> new ExpertsDrawn(UUID.randomUUID(), null, START, 5, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ExpertsDrawn(UUID.randomUUID(), UUID.randomUUID(), null, 5, 0))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ExpertsDrawn(UUID.randomUUID(), UUID.randomUUID(), START, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpertsDrawn(UUID.randomUUID(), UUID.randomUUID(), START, 5, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
