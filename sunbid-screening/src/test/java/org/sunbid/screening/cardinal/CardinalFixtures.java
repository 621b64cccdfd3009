package org.sunbid.screening.cardinal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Cardinal's fixtures (test resources, from cardinal-rs): their files, settings and a canonical JSON form. */
final class CardinalFixtures {

    private CardinalFixtures() {
    }

    static Path directory() {
        try {
            return Path.of(CardinalFixtures.class.getResource("/cardinal/SOURCE.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture names (file names without {@code .jsonl}), sorted. */
    static List<String> names() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl"))
                    .map(n -> n.substring(0, n.length() - ".jsonl".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The settings file for a fixture, by the rule of cardinal-rs's build.rs (see SOURCE.md): the name, with
     * {@code +} read as {@code |}, split on {@code -}; the first part is the indicator; two more parts are a key and
     * value; more parts are a sub-section and its key/value pairs.
     */
    static String settings(String name) {
        Deque<String> parts = new ArrayDeque<>(Arrays.asList(name.replace('+', '|').split("-")));
        String indicator = parts.removeFirst();
        StringBuilder ini = new StringBuilder();
        ini.append("no_price_comparison_procurement_methods = NPC\n");
        ini.append("[exclusions]\nprocurement_method_details = EXC\n");
        ini.append('[').append(indicator).append("]\n");
        if (parts.size() == 2) {
            ini.append(parts.removeFirst()).append(" = ").append(parts.removeFirst()).append('\n');
        } else if (parts.size() > 2) {
            ini.append('[').append(indicator).append('.').append(parts.removeFirst()).append("]\n");
            while (parts.size() >= 2) ini.append(parts.removeFirst()).append(" = ").append(parts.removeFirst()).append('\n');
        }
        return ini.toString();
    }

    static String expected(String name) throws IOException {
        return Files.readString(directory().resolve(name + ".expected"));
    }

    /**
     * JSON text with the keys of every object sorted and numbers kept exactly as written: equal canonical forms mean
     * equal JSON values written with the same number formatting (Cardinal leaves key order to hash maps).
     */
    static String canonical(String json) {
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
            StringBuilder out = new StringBuilder();
            value(p, p.nextToken(), out);
            if (p.nextToken() != null) throw new IllegalArgumentException("trailing content");
            return out.toString();
        }
    }

    private static void value(JsonParser p, JsonToken t, StringBuilder out) {
        switch (t) {
            case START_OBJECT -> {
                Map<String, String> members = new TreeMap<>();
                String name;
                while ((name = p.nextName()) != null) {
                    StringBuilder v = new StringBuilder();
                    value(p, p.nextToken(), v);
                    members.put(name, v.toString());
                }
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, String> m : members.entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    Json.string(out, m.getKey());
                    out.append(':').append(m.getValue());
                }
                out.append('}');
            }
            case START_ARRAY -> {
                out.append('[');
                boolean first = true;
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (!first) out.append(',');
                    first = false;
                    value(p, e, out);
                }
                out.append(']');
            }
            case VALUE_STRING -> Json.string(out, p.getString());
            default -> out.append(p.getString()); // numbers as written, true, false, null
        }
    }
}
