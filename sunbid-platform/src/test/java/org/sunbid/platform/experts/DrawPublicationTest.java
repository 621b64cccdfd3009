package org.sunbid.platform.experts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** When a draw's record may be published: the one rule the service and the workbench page both ask. */
class DrawPublicationTest {

    private static final Instant START = Instant.parse("2026-12-14T02:30:00Z");

    @Test
    void publishedOnlyWhenCompleteAfterTheStartAndEveryMemberSignedIn() {
        Instant after = START.plus(Duration.ofMinutes(5));
        assertThat(new DrawPublication(DrawStatus.COMPLETE, START, 7, 7).allowed(after)).isTrue();
        assertThat(new DrawPublication(DrawStatus.COMPLETE, START, 7, 7).allowed(START)).isTrue();
        assertThat(new DrawPublication(DrawStatus.COMPLETE, START, 7, 7).refusal(START.minusSeconds(1))).contains("COMPLETE");
        assertThat(new DrawPublication(DrawStatus.COMPLETE, START, 7, 6).refusal(after)).contains("SIGN_IN_PENDING");
        assertThat(new DrawPublication(DrawStatus.NOTIFYING, START, 6, 6).refusal(after)).contains("NOTIFYING");
        assertThat(new DrawPublication(DrawStatus.AWAITING_SECRET, START, 0, 0).allowed(after)).isFalse();
        assertThat(new DrawPublication(DrawStatus.PUBLISHED, START, 7, 7).allowed(after)).isFalse();
    }
}
