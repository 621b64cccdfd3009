package org.sunbid.platform.venues;

/** What a booking is for. */
public enum BookingPurpose {
    /** The opening (开标), starting at the bid deadline. */
    OPENING,
    /** The evaluation (评标), after the opening. */
    EVALUATION
}
