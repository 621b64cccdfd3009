package org.sunbid.platform.evaluation;

/** A member's judgement of one qualification item of one bid: pass, or fail with the reason (required for a fail). */
public record ReviewVote(boolean pass, String reason) {
}
