package org.sunbid.screening.cardinal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small INI reader with the rules of the reader Cardinal uses: {@code [section]} headers, {@code key = value} or
 * {@code key: value}, whole-line comments starting with {@code ;} or {@code #}, inline comments after whitespace,
 * values trimmed and unquoted. Keys before the first header belong to the section {@code ""}. A repeated section
 * continues the earlier one; a repeated key keeps the last value.
 */
public final class Ini {

    private Ini() {
    }

    /** Sections (in order of appearance) of key/value pairs (in order of appearance). */
    public static Map<String, Map<String, String>> parse(String text) throws SettingsException {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = sections.computeIfAbsent("", k -> new LinkedHashMap<>());
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1).strip();
            if (line.isEmpty() || line.charAt(0) == ';' || line.charAt(0) == '#') continue;
            if (line.charAt(0) == '[') {
                int close = line.indexOf(']');
                if (close < 0) throw new SettingsException("line " + (i + 1) + ": section header without ]");
                String rest = line.substring(close + 1).strip();
                if (!rest.isEmpty() && rest.charAt(0) != ';' && rest.charAt(0) != '#') {
                    throw new SettingsException("line " + (i + 1) + ": text after the section header");
                }
                String name = line.substring(1, close).strip();
                if (name.isEmpty()) throw new SettingsException("line " + (i + 1) + ": empty section name");
                current = sections.computeIfAbsent(name, k -> new LinkedHashMap<>());
                continue;
            }
            int eq = separator(line);
            if (eq < 0) throw new SettingsException("line " + (i + 1) + ": expected key = value, found `" + line + "`");
            String key = line.substring(0, eq).strip();
            if (key.isEmpty()) throw new SettingsException("line " + (i + 1) + ": empty key");
            current.put(key, value(line.substring(eq + 1)));
        }
        return sections;
    }

    private static int separator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '=' || c == ':') return i;
        }
        return -1;
    }

    private static String value(String raw) {
        String v = raw.strip();
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
            int close = v.indexOf(v.charAt(0), 1);
            if (close > 0) return v.substring(1, close);
        }
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c == ';' || c == '#') && Character.isWhitespace(v.charAt(i - 1))) return v.substring(0, i).strip();
        }
        return v;
    }
}
