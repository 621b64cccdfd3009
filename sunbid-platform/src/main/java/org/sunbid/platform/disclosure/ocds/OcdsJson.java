package org.sunbid.platform.disclosure.ocds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one serializer of OCDS releases, records and packages (the API's answers, the daily bulk file and the benchmark
 * use it): a release is an ordered tree of maps, lists, strings, numbers and booleans built by the mapping, written
 * straight to the output as compact UTF-8 JSON in the map's own order (no per-value serializer lookup, no intermediate
 * copy), amounts as plain decimals (never {@code 1E+7}). Same tree, same bytes: what makes a re-export byte-identical.
 * Public for the benchmark.
 */
public final class OcdsJson {

    private final JsonMapper mapper = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM).build();

    /** The compact JSON of {@code value} (a release, a record or a package). */
    public byte[] bytes(Map<String, Object> value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        write(value, out);
        return out.toByteArray();
    }

    /** Writes {@code release} as one JSON line (JSON Lines: the JSON, then {@code \n}) to {@code out}. */
    public void writeLine(Map<String, Object> release, OutputStream out) {
        write(release, out);
        try {
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Map<String, Object> value, OutputStream out) {
        try (JsonGenerator g = mapper.createGenerator(out)) {
            write(g, value);
        }
    }

    private static void write(JsonGenerator g, Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long n) {
            g.writeNumber(n);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            throw new IllegalArgumentException("not an OCDS JSON value: " + v.getClass().getName());
        }
    }
}
