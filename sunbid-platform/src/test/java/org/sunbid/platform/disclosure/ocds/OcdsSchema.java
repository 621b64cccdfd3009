package org.sunbid.platform.disclosure.ocds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OCDS 1.1 release schema (draft 4) with the bid extension merged in by JSON Merge Patch (RFC 7386), from the
 * copies under src/test/resources/ocds (see SOURCE.md there): what every exported release must validate against.
 */
final class OcdsSchema {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Schema schema;

    OcdsSchema() {
        JsonNode release = read("/ocds/1.1/release-schema.json");
        JsonNode patch = read("/ocds/bid_extension/release-schema.json");
        JsonNode merged = mergePatch(release, patch);
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(JSON.writeValueAsString(merged));
    }

    /** The validation errors of {@code release} (empty: valid). */
    List<String> errors(JsonNode release) {
        return schema.validate(release).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** The validation errors of {@code release}. */
    List<String> errors(Map<String, Object> release) {
        return errors(JSON.readTree(new OcdsJson().bytes(release)));
    }

    /**
     * RFC 7386 JSON Merge Patch: a patch object's members replace the target's, recursively for objects; a null member
     * removes it; anything that is not an object replaces the target whole.
     */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target.deepCopy() : JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getValue().isNull()) {
                result.remove(f.getKey());
            } else {
                result.set(f.getKey(), mergePatch(result.get(f.getKey()), f.getValue()));
            }
        }
        return result;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = OcdsSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
