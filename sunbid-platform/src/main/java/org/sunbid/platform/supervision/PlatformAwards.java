package org.sunbid.platform.supervision;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.sunbid.platform.evaluation.LotAwarded;

/**
 * The platform's awards as supervision sees them, kept from evaluation's typed {@link LotAwarded}: after the award
 * commits, through the event publication registry (a crash re-delivers it; a second delivery changes nothing). The
 * split-purchase check counts an awarded lot at its price and award date.
 */
@Component
class PlatformAwards {

    /** What supervision keeps of an award. */
    record Award(UUID tenderId, BigDecimal price, Instant awardedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PlatformAwards(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    public void on(LotAwarded awarded) {
        jdbc.sql("""
                INSERT INTO supervision_platform_award (tender_id, winner_id, price, awarded_at, recorded_at)
                VALUES (:t, :w, :p, :at, :now) ON CONFLICT (tender_id) DO NOTHING""")
                .param("t", awarded.tenderId()).param("w", awarded.winnerId()).param("p", awarded.price())
                .param("at", Timestamp.from(awarded.awardedAt())).param("now", Timestamp.from(clock.instant())).update();
    }

    /** The award of lot {@code tenderId}, once supervision has it. */
    Optional<Award> of(UUID tenderId) {
        return jdbc.sql("SELECT price, awarded_at FROM supervision_platform_award WHERE tender_id = :t").param("t", tenderId)
                .query((rs, i) -> new Award(tenderId, rs.getBigDecimal(1), rs.getTimestamp(2).toInstant())).optional();
    }
}
