package org.sunbid.platform.experts;

import java.time.Instant;
import java.util.UUID;

import org.sunbid.crypto.draw.DrawWalk;

/**
 * A draw as the drawn expert sees it: when and where, and what is asked of them. The project is named only once the
 * expert has signed in at the evaluation.
 *
 * @param tenderId  the tender, once signed in (null before, like its code and name)
 * @param challenge the text to sign with the expert's certificate to sign in
 */
public record MyDraw(UUID drawId, Instant evaluationStart, String evaluationVenue, String specialty,
        DrawWalk.Outcome outcome, Instant answerDue, Instant signedInAt, UUID tenderId, String projectCode, String tenderName,
        String challenge) {
}
