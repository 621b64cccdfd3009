package org.sunbid.platform.experts;

import org.sunbid.platform.kernel.DomainException;

/**
 * The composition of an evaluation committee (评标委员会), Law 37: five or more members, an odd number, of whom
 * technical and economic experts are at least two thirds; the rest are the tenderee's representatives.
 */
final class Committee {

    private Committee() {
    }

    /** Refuses a committee of {@code experts} drawn experts and {@code representatives} tenderee representatives. */
    static void check(int experts, int representatives) {
        int members = experts + representatives;
        if (experts < 1 || representatives < 0 || members < 5 || members % 2 == 0 || experts * 3 < members * 2) {
            throw new DomainException(ExpertsError.COMMITTEE_COMPOSITION, experts, representatives, members);
        }
    }
}
