package org.sunbid.screening.cardinal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The reference {@link ProcessReader}: Jackson's streaming parser, no tree. Fields the indicators do not read are
 * skipped without being materialised. Not thread-safe (one per thread).
 */
public final class JacksonProcessReader implements ProcessReader {

    // FastDoubleParser is exact (correctly rounded), only faster than Double.parseDouble.
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private final List<Process.Bid> bids = new ArrayList<>();
    private final List<Process.Award> awards = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();

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
        if (blank(line, offset, length)) return null;
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), line, offset, length)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                p.skipChildren();
                if (p.nextToken() != null) throw new MalformedLineException("trailing characters after the JSON value");
                return null;
            }
            reset();
            release(p);
            if (p.nextToken() != null) throw new MalformedLineException("trailing characters after the JSON value");
            return new Process(seq, ocid, cancelled, procurementMethod, procurementMethodDetails, numberOfTenderers,
                    startDate, endDate, buyerId, procuringEntityId,
                    hasBids ? bids.toArray(new Process.Bid[0]) : null,
                    hasAwards ? awards.toArray(new Process.Award[0]) : null);
        } catch (JacksonException e) {
            throw new MalformedLineException(e.getOriginalMessage());
        }
    }

    private static boolean blank(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != 0x0B) return false;
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

    private void release(JsonParser p) {
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "ocid" -> ocid = string(p, t);
                case "tender" -> {
                    if (t == JsonToken.START_OBJECT) tender(p); else p.skipChildren();
                }
                case "buyer" -> buyerId = id(p, t);
                case "bids" -> {
                    if (t == JsonToken.START_OBJECT) bidsObject(p); else p.skipChildren();
                }
                case "awards" -> {
                    awards.clear();
                    hasAwards = t == JsonToken.START_ARRAY;
                    if (hasAwards) awards(p); else p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
    }

    private void tender(JsonParser p) {
        // A repeated key replaces the earlier value, as serde_json's map does.
        cancelled = false;
        procurementMethod = null;
        procurementMethodDetails = null;
        numberOfTenderers = -1;
        startDate = null;
        endDate = null;
        procuringEntityId = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "status" -> cancelled = "cancelled".equals(string(p, t));
                case "procurementMethod" -> procurementMethod = string(p, t);
                case "procurementMethodDetails" -> procurementMethodDetails = string(p, t);
                case "numberOfTenderers" -> numberOfTenderers = unsigned(p, t);
                case "procuringEntity" -> procuringEntityId = id(p, t);
                case "tenderPeriod" -> {
                    startDate = null;
                    endDate = null;
                    if (t != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    String n;
                    while ((n = p.nextName()) != null) {
                        JsonToken v = p.nextToken();
                        switch (n) {
                            case "startDate" -> startDate = string(p, v);
                            case "endDate" -> endDate = string(p, v);
                            default -> p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private void bidsObject(JsonParser p) {
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            if (!name.equals("details")) {
                p.skipChildren();
                continue;
            }
            bids.clear();
            hasBids = t == JsonToken.START_ARRAY;
            if (!hasBids) {
                p.skipChildren();
                continue;
            }
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                if (e == JsonToken.START_OBJECT) bids.add(bid(p)); else p.skipChildren();
            }
        }
    }

    private Process.Bid bid(JsonParser p) {
        String status = null;
        String date = null;
        double amount = Double.NaN;
        String currency = null;
        String[] tenderers = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "status" -> status = string(p, t);
                case "date" -> date = string(p, t);
                case "tenderers" -> tenderers = idArray(p, t);
                case "value" -> {
                    amount = Double.NaN;
                    currency = null;
                    if (t != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    String n;
                    while ((n = p.nextName()) != null) {
                        JsonToken v = p.nextToken();
                        switch (n) {
                            case "amount" -> amount = v == JsonToken.VALUE_NUMBER_INT
                                    || v == JsonToken.VALUE_NUMBER_FLOAT ? p.getDoubleValue() : skip(p);
                            case "currency" -> currency = string(p, v);
                            default -> p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new Process.Bid(Process.bidStatus(status), date, amount, currency, tenderers);
    }

    private void awards(JsonParser p) {
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (e != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String status = null;
            String[] suppliers = null;
            String[] classifications = null;
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken t = p.nextToken();
                switch (name) {
                    case "status" -> status = string(p, t);
                    case "suppliers" -> suppliers = idArray(p, t);
                    case "items" -> classifications = classifications(p, t);
                    default -> p.skipChildren();
                }
            }
            awards.add(new Process.Award(Process.awardStatus(status), suppliers, classifications));
        }
    }

    private String[] classifications(JsonParser p, JsonToken t) {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        ids.clear();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            String code = null;
            if (e == JsonToken.START_OBJECT) {
                String name;
                while ((name = p.nextName()) != null) {
                    JsonToken v = p.nextToken();
                    if (name.equals("classification")) code = id(p, v); else p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
            ids.add(code);
        }
        return ids.toArray(new String[0]);
    }

    /** The ids of an array of objects, one slot per entry. */
    private String[] idArray(JsonParser p, JsonToken t) {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        ids.clear();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            ids.add(e == JsonToken.START_OBJECT ? idOfObject(p) : skipNull(p));
        }
        return ids.toArray(new String[0]);
    }

    /** The string {@code id} of an object value (or null). */
    private static String id(JsonParser p, JsonToken t) {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        return idOfObject(p);
    }

    private static String idOfObject(JsonParser p) {
        String id = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("id")) id = string(p, v); else p.skipChildren();
        }
        return id;
    }

    private static String string(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_STRING) return p.getString();
        p.skipChildren();
        return null;
    }

    private static long unsigned(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            long v = p.getLongValue();
            return v >= 0 ? v : -1;
        }
        p.skipChildren();
        return -1;
    }

    private static double skip(JsonParser p) {
        p.skipChildren();
        return Double.NaN;
    }

    private static String skipNull(JsonParser p) {
        p.skipChildren();
        return null;
    }
}
