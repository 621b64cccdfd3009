package org.sunbid.platform.sealing.domain;

/** Where one envelope a bidder sent stands. Stored as the strings below (bid_envelope.status). */
public enum EnvelopeStatus {
    /** Received and live: the bidder's bid as it stands (at most one per bidder and tender). */
    VALID,
    /** Superseded by a newer envelope of the same bidder before the deadline (the last valid envelope counts). */
    REPLACED,
    /** Withdrawn before the deadline on the bidder's signed statement (Law 29). */
    WITHDRAWN
}
