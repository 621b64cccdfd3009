package org.sunbid.platform.supervision.warnings;

/** How a supervisor decides a warning (处理决定), each with the legal basis it rests on. */
public enum Decision {
    /** Not substantiated, or not a breach (不予立案/撤销预警). */
    DISMISSED,
    /** A breach ordered corrected by a deadline (责令改正), tracked until done. */
    CORRECTED,
    /** Handed to the authority that has jurisdiction (移送), e.g. the public-security organ or the discipline body. */
    REFERRED,
    /** An administrative sanction (行政处罚) decided: published as {@code SanctionDecided} for the credit records. */
    SANCTIONED
}
