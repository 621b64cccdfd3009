package org.sunbid.platform.supervision;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A warning as its source raises it (see {@link Warnings}).
 *
 * @param source     where it comes from, a stable code: {@code screen} (bid screens of one lot), {@code art40}
 *                   (platform evidence of deemed collusion), {@code network} (co-bidding across deals), {@code overdue}
 *                   (a legal step past its deadline), {@code catalogue} (must-trade catalogue breach), {@code complaint},
 *                   {@code score} (far-off expert scores)
 * @param key        unique within the source: what makes two drafts the same warning (e.g. the lot and the shared
 *                   payer account's hash)
 * @param severity   how urgent
 * @param regionCode the region of the deal (whose supervisors see it)
 * @param projectId  the deal's project, or null
 * @param lotId      the deal's lot (标段/包/宗地), or null
 * @param title      what it is about, for people (zh-CN)
 * @param detail     why, for people (zh-CN)
 * @param legalBasis the article it rests on (e.g. 招标投标法实施条例第四十条第（六）项), or null
 * @param evidence   the facts that produced it, each with where it can be checked
 * @param logEntries transparency-log sequence numbers of the records it rests on (may be empty)
 */
public record WarningDraft(String source, String key, Severity severity, String regionCode, UUID projectId, UUID lotId,
                           String title, String detail, String legalBasis, List<Evidence> evidence,
                           List<Long> logEntries) {

    public WarningDraft {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(title, "title");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        logEntries = logEntries == null ? List.of() : List.copyOf(logEntries);
    }

    /**
     * A key part naming a set of members (bidders, firms) in a bounded length: the SM3 hex (64 characters) of the
     * members sorted and comma-joined. The same set gives the same part whatever its order or size, so a warning over
     * any number of members keeps a stable key that fits the queue's 400 characters (a raw list of ~10 ids did not).
     */
    public static String membersDigest(java.util.Collection<?> members) {
        return org.sunbid.crypto.Sm3.hex(String.join(",", members.stream().map(String::valueOf).sorted().toList()));
    }

    /** How urgent a warning is. */
    public enum Severity { LOW, MEDIUM, HIGH }

    /**
     * One fact behind a warning.
     *
     * @param label what it is, for people (e.g. 保证金付款账户)
     * @param value the value as shown to a supervisor (hashed where the raw value is personal data)
     * @param link  a page or API path where it can be checked, or null
     */
    public record Evidence(String label, String value, String link) {
        public Evidence {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }
}
