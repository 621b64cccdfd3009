package org.sunbid.platform.experts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Every place of a draw's committee is confirmed (专家抽取完成); the evaluation can be prepared. Published by the
 * experts context in the transaction that completes the draw. Who was drawn stays sealed until each expert signs in
 * at the evaluation ({@link ExpertDraws#seated}), so the event carries counts, not names.
 *
 * @param drawId          the completed draw
 * @param tenderId        the tender (lot) whose evaluation the committee sits on
 * @param evaluationStart when the evaluation begins
 * @param experts         the drawn experts who confirmed (every requested place)
 * @param representatives the tenderee's representatives on the committee (not drawn; Law 37)
 */
public record ExpertsDrawn(UUID drawId, UUID tenderId, Instant evaluationStart, int experts, int representatives) {

    public ExpertsDrawn {
        Objects.requireNonNull(drawId, "drawId");
        Objects.requireNonNull(tenderId, "tenderId");
        Objects.requireNonNull(evaluationStart, "evaluationStart");
        if (experts < 1 || representatives < 0) {
            throw new IllegalArgumentException("experts " + experts + ", representatives " + representatives);
        }
    }

    /** The committee's size: experts and representatives (Law 37: five or more, an odd number). */
    public int panelSize() {
        return experts + representatives;
    }
}
