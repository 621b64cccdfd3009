package org.sunbid.platform.disclosure.ocds;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one serializer of OCDS releases, records and packages (the API, the daily bulk file and the benchmark use it): a
 * release is an ordered map built by the mapping, written as compact UTF-8 JSON in the map's own order, amounts as plain
 * decimals (never {@code 1E+7}). Same map, same bytes: what makes a re-export byte-identical. Public for the benchmark.
 */
public final class OcdsJson {

    private final JsonMapper mapper = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    /** The compact JSON of {@code value} (a release, a record or a package). */
    public byte[] bytes(Map<String, Object> value) {
        return mapper.writeValueAsBytes(value);
    }

    /** Writes {@code release} as one JSON line (JSON Lines: the JSON, then {@code \n}) to {@code out}. */
    public void writeLine(Map<String, Object> release, OutputStream out) {
        try {
            out.write(mapper.writeValueAsBytes(release));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
