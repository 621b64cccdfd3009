package org.sunbid.screening.cardinal;

/** The groups of Cardinal's output, in the order the output lists them. */
public enum Group {
    /** Keyed by {@code ocid}. */
    OCID,
    /** Keyed by {@code buyer/id}. */
    Buyer,
    /** Keyed by {@code tender/procuringEntity/id}. */
    ProcuringEntity,
    /** Keyed by {@code bids/details/tenderers/id} (or {@code awards/suppliers/id}). */
    Tenderer
}
