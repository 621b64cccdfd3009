package org.sunbid.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds SQL in one bounded context that names a table owned by another (issue 15: each context owns its tables; others
 * use its API or its events). A table's owner is the context whose migration folder ({@code db/migration/<context>/})
 * creates it; {@code platform/} is shared infrastructure (Spring Modulith's {@code event_publication}, the runtime
 * role's grants) that any context may name.
 * <p>
 * The Java side is lexed, not grepped: comments are skipped, string literals and text blocks are read with their
 * escapes, and literals joined by {@code +} (directly or around one operand) are read as one SQL text. In that text,
 * SQL comments and quoted values are blanked, and a table is what follows FROM, JOIN, INTO, UPDATE, TABLE, LOCK,
 * USING, TRUNCATE, COPY or REFERENCES (with comma lists after FROM, USING, LOCK and TRUNCATE), on word boundaries; a
 * column or a value that happens to equal a table's name is not a reference, nor is {@code FOR UPDATE}, {@code DO
 * UPDATE}, {@code IS DISTINCT FROM} or {@code extract(… FROM …)}. Plain Java, no Spring.
 */
final class CrossContextSql {

    /** The shared infrastructure folder: its tables belong to no context. */
    static final String SHARED = "platform";

    /** One SQL reference from {@code context}'s code ({@code file}:{@code line}) to {@code owner}'s {@code table}. */
    record Violation(String file, int line, String context, String table, String owner) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + context + " names " + owner + "'s table " + table;
        }
    }

    private CrossContextSql() {
    }

    // ---- owners -------------------------------------------------------------------------------------------------

    private static final Pattern CREATE = Pattern.compile("\\bcreate\\s+(?:or\\s+replace\\s+)?"
            + "(?:(?:global\\s+|local\\s+)?temp(?:orary)?\\s+|unlogged\\s+|materialized\\s+|recursive\\s+)?"
            + "(?:table|view|sequence)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_$.\"]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME = Pattern.compile("\\balter\\s+(?:table|view|sequence)\\s+(?:if\\s+exists\\s+)?"
            + "(?:only\\s+)?([a-z_][a-z0-9_$.\"]*)\\s+rename\\s+to\\s+([a-z_][a-z0-9_$\"]*)", Pattern.CASE_INSENSITIVE);

    /** Table, view or sequence name → the context (migration folder) that creates it. */
    static Map<String, String> owners(Path migrations) {
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> files = Files.walk(migrations)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sql")).sorted(Comparator.comparing(CrossContextSql::version)).toList()) {
                String context = migrations.relativize(file).getName(0).toString();
                owners(context, Files.readString(file), owners);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return owners;
    }

    /** Adds what one migration of {@code context} creates (or renames) to {@code owners}; a name created twice fails. */
    static void owners(String context, String migration, Map<String, String> owners) {
        String sql = blankSqlCommentsAndValues(migration);
        Matcher created = CREATE.matcher(sql);
        while (created.find()) {
            own(owners, name(created.group(1)), context);
        }
        Matcher renamed = RENAME.matcher(sql);
        while (renamed.find()) {
            own(owners, name(renamed.group(2)), owners.getOrDefault(name(renamed.group(1)), context));
        }
    }

    private static void own(Map<String, String> owners, String table, String context) {
        String before = owners.putIfAbsent(table, context);
        if (before != null && !before.equals(context)) {
            throw new IllegalStateException(table + " is created by both " + before + " and " + context);
        }
    }

    private static double version(Path file) {
        Matcher v = Pattern.compile("^V(\\d+)(?:_(\\d+))?__").matcher(file.getFileName().toString());
        return v.find() ? Double.parseDouble(v.group(1) + "." + (v.group(2) == null ? "0" : v.group(2))) : Double.MAX_VALUE;
    }

    // ---- Java sources --------------------------------------------------------------------------------------------

    /** Every violation in the main sources under {@code root} (the {@code org/sunbid/platform} folder). */
    static List<Violation> scan(Path root, Map<String, String> owners) {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scan(sources, owners);
    }

    /** Every violation in {@code sources} (path relative to the application package, e.g. {@code sealing/Bids.java}). */
    static List<Violation> scan(Map<String, String> sources, Map<String, String> owners) {
        List<Violation> found = new ArrayList<>();
        sources.forEach((file, source) -> {
            int slash = file.indexOf('/');
            if (slash < 0) {
                return; // the application class: no context
            }
            String context = file.substring(0, slash);
            for (Reference ref : tableReferences(source)) {
                String owner = owners.get(ref.table());
                if (owner != null && !owner.equals(SHARED) && !owner.equals(context)) {
                    found.add(new Violation(file, ref.line(), context, ref.table(), owner));
                }
            }
        });
        return found;
    }

    /** A table named by SQL at a source line. */
    record Reference(String table, int line) {
    }

    /** Every table that SQL in the string literals of {@code javaSource} names, with its line. */
    static List<Reference> tableReferences(String javaSource) {
        List<Reference> refs = new ArrayList<>();
        for (Text sql : joinedLiterals(javaSource)) {
            for (Token t : tablesIn(sql.chars())) {
                refs.add(new Reference(t.text(), sql.lines()[t.start()]));
            }
        }
        return refs;
    }

    /** A string's content and, per character, the source line it came from. */
    record Text(String chars, int[] lines) {
    }

    private record Literal(int start, int end, StringBuilder chars, List<Integer> lines) {
    }

    /** The string literals and text blocks of a Java source, those joined by {@code +} read as one text. */
    static List<Text> joinedLiterals(String src) {
        List<Literal> literals = new ArrayList<>();
        StringBuilder code = new StringBuilder(); // the source with comments and literals blanked, for the joins
        int line = 1;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    code.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    if (src.charAt(i) == '\n') {
                        line++;
                    }
                    code.append(src.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != '\'') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                for (; i <= j && i < n; i++) {
                    code.append(' ');
                }
            } else if (c == '"') {
                boolean block = src.startsWith("\"\"\"", i);
                int start = i;
                StringBuilder chars = new StringBuilder();
                List<Integer> lines = new ArrayList<>();
                i += block ? 3 : 1;
                if (block) { // the opening delimiter's line ends the delimiter
                    while (i < n && src.charAt(i) != '\n') {
                        i++;
                    }
                    if (i < n) {
                        i++;
                        line++;
                    }
                }
                while (i < n) {
                    char d = src.charAt(i);
                    if (block ? src.startsWith("\"\"\"", i) : d == '"') {
                        i += block ? 3 : 1;
                        break;
                    }
                    if (d == '\\' && i + 1 < n) {
                        char e = src.charAt(i + 1);
                        i += 2;
                        switch (e) {
                            case 'n' -> { chars.append('\n'); lines.add(line); }
                            case 't', 's' -> { chars.append(' '); lines.add(line); }
                            case '\n' -> line++; // a text block's line continuation
                            default -> { chars.append(e); lines.add(line); }
                        }
                        continue;
                    }
                    if (!block && d == '\n') {
                        break; // unterminated: not ours to judge
                    }
                    chars.append(d);
                    lines.add(line);
                    if (d == '\n') {
                        line++;
                    }
                    i++;
                }
                literals.add(new Literal(start, i, chars, lines));
                for (int k = start; k < i; k++) {
                    code.append(src.charAt(k) == '\n' ? '\n' : ' ');
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                code.append(c);
                i++;
            }
        }
        List<Text> texts = new ArrayList<>();
        StringBuilder chars = null;
        List<Integer> lines = null;
        for (int k = 0; k < literals.size(); k++) {
            Literal lit = literals.get(k);
            if (chars == null) {
                chars = new StringBuilder();
                lines = new ArrayList<>();
            }
            chars.append(lit.chars());
            lines.addAll(lit.lines());
            boolean joined = false;
            if (k + 1 < literals.size()) {
                String between = code.substring(lit.end(), literals.get(k + 1).start());
                if (DIRECT_JOIN.matcher(between).matches()) {
                    joined = true;
                } else if (OPERAND_JOIN.matcher(between).matches()) {
                    chars.append(" ? ");
                    int last = lit.lines().isEmpty() ? 0 : lit.lines().get(lit.lines().size() - 1);
                    lines.add(last);
                    lines.add(last);
                    lines.add(last);
                    joined = true;
                }
            }
            if (!joined) {
                texts.add(new Text(chars.toString(), lines.stream().mapToInt(Integer::intValue).toArray()));
                chars = null;
            }
        }
        return texts;
    }

    private static final Pattern DIRECT_JOIN = Pattern.compile("\\s*\\+\\s*");
    /** {@code "…" + operand + "…"}: an operand with no statement, block or argument boundary in it. */
    private static final Pattern OPERAND_JOIN = Pattern.compile("\\s*\\+[^;{},\"]*\\+\\s*");

    // ---- SQL -----------------------------------------------------------------------------------------------------

    /** Blanks SQL comments and quoted values (keeping every character's position), unquotes quoted identifiers. */
    static String blankSqlCommentsAndValues(String sql) {
        char[] out = sql.toCharArray();
        int n = out.length;
        int i = 0;
        while (i < n) {
            if (sql.startsWith("--", i)) {
                while (i < n && out[i] != '\n') {
                    out[i++] = ' ';
                }
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    out[i] = out[i] == '\n' ? '\n' : ' ';
                }
            } else if (out[i] == '\'') {
                out[i++] = ' ';
                while (i < n) {
                    if (out[i] == '\'' && i + 1 < n && out[i + 1] == '\'') {
                        out[i++] = ' ';
                        out[i++] = ' ';
                    } else if (out[i] == '\'') {
                        out[i++] = ' ';
                        break;
                    } else {
                        out[i] = out[i] == '\n' ? '\n' : ' ';
                        i++;
                    }
                }
            } else if (out[i] == '"') {
                out[i++] = ' '; // "name" → name
            } else {
                i++;
            }
        }
        return new String(out);
    }

    /** A SQL token: a word (possibly schema-qualified), a punctuation mark, a parameter or a number. */
    record Token(String text, int start) {
        boolean is(String word) {
            return text.equalsIgnoreCase(word);
        }

        boolean word() {
            return Character.isLetter(text.charAt(0)) || text.charAt(0) == '_';
        }
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(?:\\.[A-Za-z_][A-Za-z0-9_$]*)*"
            + "|::?[A-Za-z_][A-Za-z0-9_]*|[0-9][0-9.]*|\\S");

    /** Words that end a table reference, so never read as an alias. */
    private static final Set<String> RESERVED = Set.of("where", "join", "left", "right", "inner", "outer", "full", "cross",
            "natural", "on", "using", "group", "order", "limit", "offset", "for", "union", "except", "intersect", "having",
            "window", "set", "values", "returning", "select", "default", "in", "nowait", "skip", "share", "only",
            "lateral", "tablesample", "do", "as", "fetch", "when", "then", "else", "end", "and", "or", "not");

    /** The functions whose arguments use FROM as a word, not a clause. */
    private static final Set<String> FROM_FUNCTIONS = Set.of("extract", "substring", "trim", "overlay", "position");

    /** The tables a SQL text names (a candidate: the caller keeps only the names a migration creates). */
    static List<Token> tablesIn(String text) {
        String sql = blankSqlCommentsAndValues(text);
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(sql);
        while (m.find()) {
            tokens.add(new Token(m.group(), m.start()));
        }
        Map<Integer, Token> tables = new TreeMap<>(); // by position: LOCK TABLE x is read once
        List<String> parens = new ArrayList<>(); // the word before each open parenthesis
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token prev = i > 0 ? tokens.get(i - 1) : null;
            if (t.is("(")) {
                parens.add(prev == null ? "" : prev.text().toLowerCase(Locale.ROOT));
                continue;
            }
            if (t.is(")")) {
                if (!parens.isEmpty()) {
                    parens.remove(parens.size() - 1);
                }
                continue;
            }
            if (!t.word()) {
                continue;
            }
            switch (t.text().toLowerCase(Locale.ROOT)) {
                case "from" -> {
                    boolean argument = !parens.isEmpty() && FROM_FUNCTIONS.contains(parens.get(parens.size() - 1));
                    if (!argument && !(prev != null && prev.is("distinct"))) {
                        tableList(tokens, i + 1, true, true, tables);
                    }
                }
                case "join", "using" -> tableList(tokens, i + 1, false, true, tables);
                case "into", "references", "copy", "table" -> tableList(tokens, i + 1, false, false, tables);
                case "lock", "truncate" -> tableList(tokens, i + 1, true, false, tables);
                case "update" -> {
                    boolean notATable = prev != null && (prev.is("for") || prev.is("do") || prev.is("key")
                            || prev.is("on") || prev.is("before") || prev.is("after") || prev.is("or"));
                    if (!notATable) {
                        tableList(tokens, i + 1, false, false, tables);
                    }
                }
                default -> {
                }
            }
        }
        return List.copyOf(tables.values());
    }

    /**
     * Reads the table (or comma list of tables, with aliases) starting at {@code i}. After FROM, JOIN or USING a name
     * followed by a parenthesis is a function call; after INTO or REFERENCES it is the table and its column list.
     */
    private static void tableList(List<Token> tokens, int i, boolean list, boolean parenMeansFunction, Map<Integer, Token> tables) {
        while (i < tokens.size()) {
            while (i < tokens.size() && (tokens.get(i).is("only") || tokens.get(i).is("lateral") || tokens.get(i).is("table")
                    || tokens.get(i).is("if") || tokens.get(i).is("exists"))) {
                i++;
            }
            if (i >= tokens.size() || !tokens.get(i).word() || RESERVED.contains(tokens.get(i).text().toLowerCase(Locale.ROOT))) {
                return; // a subquery, a parameter, or no table
            }
            Token name = tokens.get(i++);
            boolean call = i < tokens.size() && tokens.get(i).is("(");
            if (!(call && parenMeansFunction)) {
                String table = name(name.text());
                int at = name.start() + name.text().length() - table.length();
                tables.put(at, new Token(table, at));
            }
            if (!list) {
                return;
            }
            if (call) {
                i = skipParens(tokens, i);
            }
            if (i < tokens.size() && tokens.get(i).is("as")) {
                i++;
            }
            if (i < tokens.size() && tokens.get(i).word() && !RESERVED.contains(tokens.get(i).text().toLowerCase(Locale.ROOT))) {
                i++; // alias
                if (i < tokens.size() && tokens.get(i).is("(")) {
                    i = skipParens(tokens, i); // column aliases
                }
            }
            if (i < tokens.size() && tokens.get(i).is(",")) {
                i++;
            } else {
                return;
            }
        }
    }

    private static int skipParens(List<Token> tokens, int i) {
        int depth = 0;
        for (; i < tokens.size(); i++) {
            if (tokens.get(i).is("(")) {
                depth++;
            } else if (tokens.get(i).is(")") && --depth == 0) {
                return i + 1;
            }
        }
        return i;
    }

    /** {@code public.tender} → {@code tender}; names compare in lower case as PostgreSQL folds them. */
    private static String name(String qualified) {
        String n = qualified.replace("\"", "");
        return n.substring(n.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /** Groups violations by file and table, for the allowlist. */
    static Map<String, List<Violation>> byFileAndTable(List<Violation> violations) {
        Map<String, List<Violation>> grouped = new LinkedHashMap<>();
        for (Violation v : violations) {
            grouped.computeIfAbsent(v.file() + " " + v.table(), k -> new ArrayList<>()).add(v);
        }
        return grouped;
    }
}
