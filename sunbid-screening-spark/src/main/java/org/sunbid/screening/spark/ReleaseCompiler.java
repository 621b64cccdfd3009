package org.sunbid.screening.spark;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compiled release of a process from its OCDS releases (OCDS 1.1 merge), for inputs that hold releases rather than
 * compiled releases — the platform's daily export (a tender release, then one with the opened bids, the award, the
 * contract ...) — since the indicators read one compiled release per process. Releases are merged oldest first (by
 * {@code date}, then input order), a release id seen before is skipped (daily files repeat the earlier days' releases):
 * objects field by field, arrays whose items all carry an {@code id} merged by id, other arrays and values replaced, a
 * {@code null} removing the field; {@code id} becomes {@code <ocid>-compiled}, {@code tag} {@code ["compiled"]}. The
 * same rules as the platform's own compiled releases ({@code disclosure.ocds.OcdsMapping.compile}). Numbers keep their
 * exact text.
 */
public final class ReleaseCompiler {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private ReleaseCompiler() {
    }

    /**
     * The string {@code ocid} of a line holding one JSON object, or {@code null} when the line is anything else (blank,
     * not JSON, not an object, no string ocid): such a line is left as it is, for the indicators' reader to skip or
     * report.
     */
    public static String ocid(byte[] line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node != null && node.isObject()) {
                JsonNode ocid = node.get("ocid");
                return ocid != null && ocid.isString() ? ocid.stringValue() : null;
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The compiled release (one JSON line, UTF-8) of {@code releases}: lines that {@link #ocid} accepted. */
    public static byte[] compile(List<byte[]> releases) {
        List<Dated> dated = new ArrayList<>();
        for (int i = 0; i < releases.size(); i++) {
            ObjectNode release = (ObjectNode) JSON.readTree(releases.get(i));
            dated.add(new Dated(instant(release.get("date")), i, release));
        }
        dated.sort(Comparator.comparing(Dated::date, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(Dated::order));
        ObjectNode compiled = JSON.createObjectNode();
        Set<String> seen = new HashSet<>();
        String latest = null;
        for (Dated d : dated) {
            JsonNode id = d.release.get("id");
            if (id != null && id.isString() && !seen.add(id.stringValue())) {
                continue;
            }
            merge(compiled, d.release);
            JsonNode date = d.release.get("date");
            if (date != null && date.isString()) {
                latest = date.stringValue();
            }
        }
        compiled.put("id", compiled.get("ocid").stringValue() + "-compiled");
        compiled.set("tag", JSON.createArrayNode().add("compiled"));
        if (latest != null) {
            compiled.put("date", latest);
        }
        return JSON.writeValueAsBytes(compiled);
    }

    private record Dated(Instant date, int order, ObjectNode release) {
    }

    private static Instant instant(JsonNode date) {
        if (date == null || !date.isString()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(date.stringValue()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        for (Map.Entry<String, JsonNode> e : from.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            JsonNode old = into.get(key);
            if (value.isNull()) {
                into.remove(key);
            } else if (value.isObject()) {
                ObjectNode merged = old != null && old.isObject() ? (ObjectNode) old : JSON.createObjectNode();
                merge(merged, (ObjectNode) value);
                into.set(key, merged);
            } else if (value.isArray() && old != null && old.isArray() && identified(old) && identified(value)) {
                Map<String, ObjectNode> byId = new LinkedHashMap<>();
                for (JsonNode item : old) {
                    byId.put(id(item), (ObjectNode) item);
                }
                for (JsonNode item : value) {
                    ObjectNode existing = byId.get(id(item));
                    if (existing == null) {
                        ObjectNode copy = JSON.createObjectNode();
                        merge(copy, (ObjectNode) item);
                        byId.put(id(item), copy);
                    } else {
                        merge(existing, (ObjectNode) item);
                    }
                }
                ArrayNode array = JSON.createArrayNode();
                byId.values().forEach(array::add);
                into.set(key, array);
            } else {
                into.set(key, value.deepCopy());
            }
        }
    }

    /** Every item an object with a non-null {@code id} (OCDS merges such arrays by id). */
    private static boolean identified(JsonNode array) {
        if (array.isEmpty()) {
            return false;
        }
        for (JsonNode item : array) {
            JsonNode id = item.isObject() ? item.get("id") : null;
            if (id == null || id.isNull() || id.isContainer()) {
                return false;
            }
        }
        return true;
    }

    /** An id as merge key: {@code 1} and {@code "1"} are the same id in OCDS. */
    private static String id(JsonNode item) {
        return item.get("id").asString();
    }
}
