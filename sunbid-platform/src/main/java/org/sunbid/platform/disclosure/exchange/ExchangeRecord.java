package org.sunbid.platform.disclosure.exchange;

import java.time.Instant;

import org.sunbid.crypto.Sm3;

/**
 * One record of a national dataset: a stable id ({@code <dataset>:<key>}, the same whenever it is rebuilt), the unified
 * deal code (统一交易标识码) it belongs to, its payload (canonical JSON) and the SM3 of the payload. {@code publishedAt}
 * is when the facts it carries became public (a replay from a date takes the records published since).
 */
record ExchangeRecord(String recordId, String dataset, String dealCode, String payload, String contentSm3,
        Instant publishedAt) {

    ExchangeRecord {
        if (recordId == null || recordId.isBlank() || recordId.length() > 200) {
            throw new IllegalArgumentException("record id: " + recordId);
        }
        if (!contentSm3.equals(Sm3.hex(payload))) {
            throw new IllegalArgumentException("content SM3 does not match the payload of " + recordId);
        }
    }

    /** A record of {@code dataset} keyed by {@code key}, its SM3 computed from {@code payload}. */
    static ExchangeRecord of(String dataset, String key, String dealCode, String payload, Instant publishedAt) {
        return new ExchangeRecord(dataset + ":" + key, dataset, dealCode, payload, Sm3.hex(payload), publishedAt);
    }
}
