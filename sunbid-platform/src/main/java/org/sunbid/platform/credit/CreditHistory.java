package org.sunbid.platform.credit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A port through which other contexts add an organisation's performance, award and contract history to its credit
 * profile (信用档案), so credit itself depends on none of them: a context that keeps such history implements this as a
 * bean; the profile lists what every implementation returns.
 */
public interface CreditHistory {

    /**
     * One line of history.
     *
     * @param kind  what it is (e.g. {@code award}, {@code contract}, {@code performance})
     * @param title what it is about (the deal's name and code)
     * @param at    when
     * @param link  a page where it is shown, or null
     */
    record Entry(String kind, String title, Instant at, String link) {
    }

    /** The organisation's history, newest first (at most {@code limit} entries). */
    List<Entry> of(UUID organisationId, int limit);
}
