package org.sunbid.platform.disclosure.feeds;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the notice feeds and subscriptions (issue 18, part F). */
public enum FeedError implements ErrorCode {
    /** A search parameter has a value it cannot have (an unknown notice type, deal kind or stage; a bad date or amount). */
    FEEDS_BAD_PARAMETER(400),
    /** A subscription needs a name of 1 to 100 characters. */
    FEEDS_BAD_NAME(400),
    /** The saved search is too long to keep (2,000 characters in canonical form). */
    FEEDS_SEARCH_TOO_LONG(400),
    /** One account keeps at most 50 active subscriptions. */
    FEEDS_TOO_MANY_SUBSCRIPTIONS(409),
    /** No subscription of the signed-in account has this id (another account's is not found either). */
    FEEDS_SUBSCRIPTION_NOT_FOUND(404),
    /** The notice search is not available yet (the index is being built): try again shortly. */
    FEEDS_SEARCH_UNAVAILABLE(503);

    private final int httpStatus;

    FeedError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
