package org.sunbid.platform.supervision.warnings;

/** Where a warning stands in its life (see {@link WarningCase}). */
public enum WarningStatus {
    /** Raised, awaiting triage (待研判). */
    OPEN,
    /** Accepted for investigation (调查核实中): notes are added until the decision. */
    INVESTIGATING,
    /** Decided "corrected" (责令改正): the correction is awaited until its deadline and beyond, until it is done. */
    CORRECTING,
    /** Decided and, for a correction, corrected (办结). */
    CLOSED
}
