package org.sunbid.screening.cardinal;

import java.io.Serializable;

/**
 * One contracting process (one line of OCDS compiled releases), cut down to the fields the eleven indicators read.
 *
 * <p>A {@link ProcessReader} builds it; the {@link Fold} reads it once and drops it, so nothing but what an indicator
 * keeps for its final step outlives the line. A field is {@code null} (or {@link Double#NaN} for an amount,
 * {@code -1} for a count) when the release lacks it or holds a value of another JSON type, because Cardinal then
 * ignores it too. Identifier arrays keep one slot per array entry (an entry without a string {@code id} is a
 * {@code null} slot), because some indicators count the entries.
 *
 * @param seq                      position in the input, strictly increasing in file order (the CLI uses the byte
 *                                 offset of the line); orders the output keys and breaks ties like a sequential run
 * @param ocid                     {@code ocid}; a process without a string ocid is skipped
 * @param cancelled                {@code tender/status} is {@code cancelled}; such a process is skipped
 * @param procurementMethod        {@code tender/procurementMethod}
 * @param procurementMethodDetails {@code tender/procurementMethodDetails}
 * @param numberOfTenderers        {@code tender/numberOfTenderers} when it is a JSON integer in 0..2^63-1, else -1
 * @param tenderStartDate          {@code tender/tenderPeriod/startDate}
 * @param tenderEndDate            {@code tender/tenderPeriod/endDate}
 * @param buyerId                  {@code buyer/id}
 * @param procuringEntityId        {@code tender/procuringEntity/id}
 * @param bids                     the objects of {@code bids/details}, or {@code null} when there is no such array
 * @param awards                   the objects of {@code awards}, or {@code null} when there is no such array
 */
public record Process(long seq, String ocid, boolean cancelled, String procurementMethod,
                      String procurementMethodDetails, long numberOfTenderers, String tenderStartDate,
                      String tenderEndDate, String buyerId, String procuringEntityId, Bid[] bids, Award[] awards)
        implements Serializable {

    /** Bid status absent or not a string. */
    public static final byte NONE = 0;
    /** {@code valid} (bid) or {@code active} (award). */
    public static final byte VALID = 1;
    /** Bid status {@code disqualified}. */
    public static final byte DISQUALIFIED = 2;
    /** Bid status {@code invited}: not a submitted bid. */
    public static final byte INVITED = 3;
    /** Bid status {@code withdrawn}: not a submitted bid. */
    public static final byte WITHDRAWN = 4;
    /** Any other status string ({@code pending}, or an award's status other than active/cancelled/unsuccessful). */
    public static final byte OTHER = 5;
    /** Award status {@code active} (same code as a valid bid). */
    public static final byte ACTIVE = VALID;
    /** Award status {@code cancelled} or {@code unsuccessful}: a previous attempt, not final. */
    public static final byte ENDED = 6;

    /** The bid status code of a status string (see the constants). */
    public static byte bidStatus(String status) {
        if (status == null) return NONE;
        return switch (status) {
            case "valid" -> VALID;
            case "disqualified" -> DISQUALIFIED;
            case "invited" -> INVITED;
            case "withdrawn" -> WITHDRAWN;
            default -> OTHER;
        };
    }

    /** The award status code of a status string (see the constants). */
    public static byte awardStatus(String status) {
        if (status == null) return NONE;
        return switch (status) {
            case "active" -> ACTIVE;
            case "cancelled", "unsuccessful" -> ENDED;
            default -> OTHER;
        };
    }

    /**
     * One entry of {@code bids/details}.
     *
     * @param status    status code ({@link #VALID}, {@link #DISQUALIFIED}, {@link #INVITED}, {@link #WITHDRAWN},
     *                  {@link #OTHER} or {@link #NONE})
     * @param date      {@code date}
     * @param amount    {@code value/amount}, {@link Double#NaN} when absent or not a number
     * @param currency  {@code value/currency}
     * @param tenderers the {@code id} of each entry of {@code tenderers} ({@code null} slot when not a string), or
     *                  {@code null} when there is no such array
     */
    public record Bid(byte status, String date, double amount, String currency, String[] tenderers)
            implements Serializable {

        /** Submitted: a status string other than invited and withdrawn. */
        public boolean submitted() {
            return status != NONE && status != INVITED && status != WITHDRAWN;
        }

        /** Has a numeric amount and a string currency. */
        public boolean priced() {
            return !Double.isNaN(amount) && currency != null;
        }
    }

    /**
     * One entry of {@code awards}.
     *
     * @param status              status code ({@link #ACTIVE}, {@link #ENDED}, {@link #OTHER} or {@link #NONE})
     * @param suppliers           the {@code id} of each entry of {@code suppliers}, or {@code null} when no such array
     * @param itemClassifications {@code classification/id} of each entry of {@code items}, or {@code null} when no
     *                            such array
     */
    public record Award(byte status, String[] suppliers, String[] itemClassifications) implements Serializable {
    }
}
