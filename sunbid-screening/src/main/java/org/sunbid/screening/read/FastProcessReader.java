package org.sunbid.screening.read;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.sunbid.screening.cardinal.JacksonProcessReader;
import org.sunbid.screening.cardinal.MalformedLineException;
import org.sunbid.screening.cardinal.Process;
import org.sunbid.screening.cardinal.ProcessReader;

/**
 * A {@link ProcessReader} that reads the bytes itself: it decodes only the fields the indicators read and skips
 * everything else (parties, titles, contracts, values of other objects) with a byte loop that still validates it, so a
 * line is accepted or rejected as Cardinal's serde_json would ({@link JsonCursor}). It gives the same {@link Process}
 * as {@link JacksonProcessReader} for every line both accept (a differential test checks this over the fixtures and a
 * generated file); on lines that are not valid JSON in Cardinal's sense but that Jackson tolerates (invalid UTF-8 in a
 * string, a lone surrogate escape, nesting deeper than 128) it rejects the line, as Cardinal does.
 *
 * <p>Not thread-safe: one per thread. (A per-reader cache from an id's bytes to its String, tried so that repeated ids
 * are not decoded again, cost more in cache misses than it saved: see docs/performance.md.)
 */
public final class FastProcessReader implements ProcessReader {

    private static final byte[] OCID = ascii("ocid");
    private static final byte[] TENDER = ascii("tender");
    private static final byte[] BUYER = ascii("buyer");
    private static final byte[] BIDS = ascii("bids");
    private static final byte[] AWARDS = ascii("awards");
    private static final byte[] STATUS = ascii("status");
    private static final byte[] PROCUREMENT_METHOD = ascii("procurementMethod");
    private static final byte[] PROCUREMENT_METHOD_DETAILS = ascii("procurementMethodDetails");
    private static final byte[] NUMBER_OF_TENDERERS = ascii("numberOfTenderers");
    private static final byte[] PROCURING_ENTITY = ascii("procuringEntity");
    private static final byte[] TENDER_PERIOD = ascii("tenderPeriod");
    private static final byte[] START_DATE = ascii("startDate");
    private static final byte[] END_DATE = ascii("endDate");
    private static final byte[] DETAILS = ascii("details");
    private static final byte[] DATE = ascii("date");
    private static final byte[] TENDERERS = ascii("tenderers");
    private static final byte[] VALUE = ascii("value");
    private static final byte[] AMOUNT = ascii("amount");
    private static final byte[] CURRENCY = ascii("currency");
    private static final byte[] SUPPLIERS = ascii("suppliers");
    private static final byte[] ITEMS = ascii("items");
    private static final byte[] CLASSIFICATION = ascii("classification");
    private static final byte[] ID = ascii("id");
    private static final byte[] CANCELLED = ascii("cancelled");
    private static final byte[] VALID = ascii("valid");
    private static final byte[] DISQUALIFIED = ascii("disqualified");
    private static final byte[] INVITED = ascii("invited");
    private static final byte[] WITHDRAWN = ascii("withdrawn");
    private static final byte[] ACTIVE = ascii("active");
    private static final byte[] UNSUCCESSFUL = ascii("unsuccessful");

    private final JsonCursor c = new JsonCursor();
    private final List<Process.Bid> bids = new ArrayList<>();
    private final List<Process.Award> awards = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private byte[] copy = new byte[256];

    // The process being read.
    private String ocid;
    private boolean cancelled;
    private String procurementMethod;
    private String procurementMethodDetails;
    private long numberOfTenderers;
    private String startDate;
    private String endDate;
    private String buyerId;
    private String procuringEntityId;
    private boolean hasBids;
    private boolean hasAwards;

    @Override
    public Process read(byte[] line, int offset, int length, long seq) throws MalformedLineException {
        int end = offset + length;
        byte[] b = line;
        int at = offset;
        if (end >= line.length || line[end] != '\n') {
            // the cursor needs a newline after the line (a sentinel): copy an unterminated line
            if (copy.length < length + 1) {
                copy = new byte[Math.max(length + 1, copy.length * 2)];
            }
            System.arraycopy(line, offset, copy, 0, length);
            copy[length] = '\n';
            b = copy;
            at = 0;
            end = length;
        }
        c.reset(b, at);
        try {
            byte first = c.peek();
            if (first == '\n' || blank(b, c.i, end)) {
                return null;
            }
            if (first != '{') {
                c.skip();
                c.ws();
                if (c.i != end) {
                    throw new MalformedLineException("trailing characters after the JSON value");
                }
                return null;
            }
            reset();
            release();
            c.ws();
            if (c.i != end) {
                throw new MalformedLineException("trailing characters after the JSON value");
            }
        } catch (JsonCursor.Invalid | ArrayIndexOutOfBoundsException e) {
            throw new MalformedLineException("invalid JSON at byte " + (c.i - at + 1));
        }
        return new Process(seq, ocid, cancelled, procurementMethod, procurementMethodDetails, numberOfTenderers,
                startDate, endDate, buyerId, procuringEntityId,
                hasBids ? bids.toArray(new Process.Bid[0]) : null,
                hasAwards ? awards.toArray(new Process.Award[0]) : null);
    }

    /** Whitespace only, as {@link JacksonProcessReader} counts it (vertical tab and form feed too). */
    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte x = b[i];
            if (x != ' ' && x != '\t' && x != '\r' && x != '\n' && x != '\f' && x != 0x0B) {
                return false;
            }
        }
        return true;
    }

    private void reset() {
        ocid = null;
        cancelled = false;
        procurementMethod = null;
        procurementMethodDetails = null;
        numberOfTenderers = -1;
        startDate = null;
        endDate = null;
        buyerId = null;
        procuringEntityId = null;
        hasBids = false;
        hasAwards = false;
        bids.clear();
        awards.clear();
    }

    private void release() {
        c.i++; // '{'
        if (c.emptyOr('}')) {
            return;
        }
        do {
            int k = c.key();
            byte v = c.peek();
            if (c.keyIs(k, OCID)) {
                ocid = v == '"' ? c.string() : skipNull();
            } else if (c.keyIs(k, TENDER)) {
                if (v == '{') {
                    tender();
                } else {
                    c.skip();
                }
            } else if (c.keyIs(k, BUYER)) {
                buyerId = id(v);
            } else if (c.keyIs(k, BIDS)) {
                if (v == '{') {
                    bidsObject();
                } else {
                    c.skip();
                }
            } else if (c.keyIs(k, AWARDS)) {
                awards.clear();
                hasAwards = v == '[';
                if (hasAwards) {
                    awards();
                } else {
                    c.skip();
                }
            } else {
                c.skip();
            }
        } while (c.more('}'));
    }

    private void tender() {
        // a repeated key replaces the earlier value, as serde_json's map does
        cancelled = false;
        procurementMethod = null;
        procurementMethodDetails = null;
        numberOfTenderers = -1;
        startDate = null;
        endDate = null;
        procuringEntityId = null;
        c.i++;
        if (c.emptyOr('}')) {
            return;
        }
        do {
            int k = c.key();
            byte v = c.peek();
            if (c.keyIs(k, STATUS)) {
                if (v == '"') {
                    boolean plain = c.stringBytes();
                    cancelled = c.stringIs(plain, CANCELLED);
                } else {
                    c.skip();
                    cancelled = false;
                }
            } else if (c.keyIs(k, PROCUREMENT_METHOD)) {
                procurementMethod = v == '"' ? recent(methods) : skipNull();
            } else if (c.keyIs(k, PROCUREMENT_METHOD_DETAILS)) {
                procurementMethodDetails = v == '"' ? recent(details) : skipNull();
            } else if (c.keyIs(k, NUMBER_OF_TENDERERS)) {
                numberOfTenderers = unsigned(v);
            } else if (c.keyIs(k, PROCURING_ENTITY)) {
                procuringEntityId = id(v);
            } else if (c.keyIs(k, TENDER_PERIOD)) {
                startDate = null;
                endDate = null;
                if (v != '{') {
                    c.skip();
                    continue;
                }
                c.i++;
                if (c.emptyOr('}')) {
                    continue;
                }
                do {
                    int n = c.key();
                    byte w = c.peek();
                    if (c.keyIs(n, START_DATE)) {
                        startDate = w == '"' ? c.string() : skipNull();
                    } else if (c.keyIs(n, END_DATE)) {
                        endDate = w == '"' ? c.string() : skipNull();
                    } else {
                        c.skip();
                    }
                } while (c.more('}'));
            } else {
                c.skip();
            }
        } while (c.more('}'));
    }

    private void bidsObject() {
        c.i++;
        if (c.emptyOr('}')) {
            return;
        }
        do {
            int k = c.key();
            byte v = c.peek();
            if (!c.keyIs(k, DETAILS)) {
                c.skip();
                continue;
            }
            bids.clear();
            hasBids = v == '[';
            if (!hasBids) {
                c.skip();
                continue;
            }
            c.i++;
            if (c.emptyOr(']')) {
                continue;
            }
            do {
                if (c.peek() == '{') {
                    bids.add(bid());
                } else {
                    c.skip();
                }
            } while (c.more(']'));
        } while (c.more('}'));
    }

    private Process.Bid bid() {
        byte status = Process.NONE;
        String date = null;
        double amount = Double.NaN;
        String currency = null;
        String[] tenderers = null;
        c.i++;
        if (!c.emptyOr('}')) {
            do {
                int k = c.key();
                byte v = c.peek();
                if (c.keyIs(k, STATUS)) {
                    status = v == '"' ? bidStatus() : skipNone();
                } else if (c.keyIs(k, DATE)) {
                    date = v == '"' ? c.string() : skipNull();
                } else if (c.keyIs(k, TENDERERS)) {
                    tenderers = idArray(v);
                } else if (c.keyIs(k, VALUE)) {
                    amount = Double.NaN;
                    currency = null;
                    if (v != '{') {
                        c.skip();
                        continue;
                    }
                    c.i++;
                    if (c.emptyOr('}')) {
                        continue;
                    }
                    do {
                        int n = c.key();
                        byte w = c.peek();
                        if (c.keyIs(n, AMOUNT)) {
                            if (w == '-' || (w >= '0' && w <= '9')) {
                                c.scanNumber();
                                amount = c.numFloat ? c.numberValue() : integerValue();
                            } else {
                                c.skip();
                                amount = Double.NaN;
                            }
                        } else if (c.keyIs(n, CURRENCY)) {
                            currency = w == '"' ? recent(currencies) : skipNull();
                        } else {
                            c.skip();
                        }
                    } while (c.more('}'));
                } else {
                    c.skip();
                }
            } while (c.more('}'));
        }
        return new Process.Bid(status, date, amount, currency, tenderers);
    }

    /** An integer amount as Jackson's {@code getDoubleValue} gives it (-0 is 0.0: Jackson reads it as the int 0). */
    private double integerValue() {
        double v = c.numberValue();
        return v == 0 ? 0.0 : v;
    }

    private byte bidStatus() {
        boolean plain = c.stringBytes();
        if (c.stringIs(plain, VALID)) {
            return Process.VALID;
        }
        if (c.stringIs(plain, DISQUALIFIED)) {
            return Process.DISQUALIFIED;
        }
        if (c.stringIs(plain, INVITED)) {
            return Process.INVITED;
        }
        if (c.stringIs(plain, WITHDRAWN)) {
            return Process.WITHDRAWN;
        }
        return Process.OTHER;
    }

    private byte awardStatus() {
        boolean plain = c.stringBytes();
        if (c.stringIs(plain, ACTIVE)) {
            return Process.ACTIVE;
        }
        if (c.stringIs(plain, CANCELLED) || c.stringIs(plain, UNSUCCESSFUL)) {
            return Process.ENDED;
        }
        return Process.OTHER;
    }

    private void awards() {
        c.i++;
        if (c.emptyOr(']')) {
            return;
        }
        do {
            if (c.peek() != '{') {
                c.skip();
                continue;
            }
            byte status = Process.NONE;
            String[] suppliers = null;
            String[] classifications = null;
            c.i++;
            if (!c.emptyOr('}')) {
                do {
                    int k = c.key();
                    byte v = c.peek();
                    if (c.keyIs(k, STATUS)) {
                        status = v == '"' ? awardStatus() : skipNone();
                    } else if (c.keyIs(k, SUPPLIERS)) {
                        suppliers = idArray(v);
                    } else if (c.keyIs(k, ITEMS)) {
                        classifications = classifications(v);
                    } else {
                        c.skip();
                    }
                } while (c.more('}'));
            }
            awards.add(new Process.Award(status, suppliers, classifications));
        } while (c.more(']'));
    }

    private String[] classifications(byte v) {
        if (v != '[') {
            c.skip();
            return null;
        }
        ids.clear();
        c.i++;
        if (!c.emptyOr(']')) {
            do {
                String code = null;
                if (c.peek() == '{') {
                    c.i++;
                    if (!c.emptyOr('}')) {
                        do {
                            int k = c.key();
                            byte w = c.peek();
                            if (c.keyIs(k, CLASSIFICATION)) {
                                code = id(w);
                            } else {
                                c.skip();
                            }
                        } while (c.more('}'));
                    }
                } else {
                    c.skip();
                }
                ids.add(code);
            } while (c.more(']'));
        }
        return ids.toArray(new String[0]);
    }

    /** The ids of an array of objects, one slot per entry ({@code null} for an entry without a string id). */
    private String[] idArray(byte v) {
        if (v != '[') {
            c.skip();
            return null;
        }
        ids.clear();
        c.i++;
        if (!c.emptyOr(']')) {
            do {
                if (c.peek() == '{') {
                    ids.add(idOfObject());
                } else {
                    c.skip();
                    ids.add(null);
                }
            } while (c.more(']'));
        }
        return ids.toArray(new String[0]);
    }

    /** The string {@code id} of an object value, or null (the value skipped) when it is not an object. */
    private String id(byte v) {
        if (v != '{') {
            c.skip();
            return null;
        }
        return idOfObject();
    }

    private String idOfObject() {
        String id = null;
        c.i++;
        if (c.emptyOr('}')) {
            return null;
        }
        do {
            int k = c.key();
            byte v = c.peek();
            if (c.keyIs(k, ID)) {
                id = v == '"' ? c.string() : skipNull();
            } else {
                c.skip();
            }
        } while (c.more('}'));
        return id;
    }

    /** {@code numberOfTenderers}: a JSON integer in 0..2^63-1, else -1 (as {@link JacksonProcessReader}). */
    private long unsigned(byte v) {
        if (v != '-' && (v < '0' || v > '9')) {
            c.skip();
            return -1;
        }
        c.scanNumber();
        if (c.numFloat) {
            return -1;
        }
        byte[] b = c.b;
        int k = c.numStart;
        boolean negative = b[k] == '-';
        if (negative) {
            k++;
        }
        if (c.numEnd - k > 19) {
            return -1; // beyond a long: Jackson's BIG_INTEGER
        }
        long n = 0;
        for (; k < c.numEnd; k++) {
            int d = b[k] - '0';
            if (n > (Long.MAX_VALUE - d) / 10) {
                return -1; // beyond a long
            }
            n = n * 10 + d;
        }
        return negative ? (n == 0 ? 0 : -1) : n;
    }

    /** The last value of a field that takes few values (a currency, a method), reused when the bytes repeat. */
    private static final class Recent {
        byte[] bytes;
        String value;
    }

    private final Recent currencies = new Recent();
    private final Recent methods = new Recent();
    private final Recent details = new Recent();

    /** A string value; the same String as last time when its bytes are the same (no allocation for "CNY" again). */
    private String recent(Recent last) {
        if (!c.stringBytes()) {
            return c.escapedKey;
        }
        int len = c.strEnd - c.strStart;
        if (last.bytes != null && last.bytes.length == len
                && Arrays.equals(last.bytes, 0, len, c.b, c.strStart, c.strEnd)) {
            return last.value;
        }
        last.bytes = Arrays.copyOfRange(c.b, c.strStart, c.strEnd);
        last.value = new String(last.bytes, c.ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        return last.value;
    }

    private String skipNull() {
        c.skip();
        return null;
    }

    private byte skipNone() {
        c.skip();
        return Process.NONE;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
