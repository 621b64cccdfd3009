package org.sunbid.platform.credit.lists;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.sunbid.crypto.Sm3;
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.parties.UnifiedSocialCreditCode;

/**
 * One version of an external credit list as a file (UTF-8 CSV, RFC 4180 quoting, a leading BOM skipped, LF or CRLF):
 * the header {@link #HEADER} exactly, then one entry a row. Read whole before anything is imported: the first bad row
 * refuses the whole file with its line ({@link MalformedListException}). Dates are Beijing calendar days; an end date is
 * the last day in force (so the record's exclusive end is the next day's start). Plain Java.
 */
public final class ListFile {

    /** The header every list file starts with. */
    public static final List<String> HEADER = List.of("credit_code", "name", "conduct", "legal_basis", "issuing_body", "document",
            "class", "restriction_from", "restriction_until", "publication_from", "publication_until", "entry_id");
    /** The largest file read (bytes). */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** The most entries a file may hold. */
    public static final int MAX_ENTRIES = 50_000;
    /** The longest field (characters). */
    public static final int MAX_FIELD = 500;

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private ListFile() {
    }

    /**
     * An entry of the list.
     *
     * @param line         the file's line where the entry starts (the header is line 1)
     * @param creditCode   the organisation's 统一社会信用代码 (checked, normalised)
     * @param contentSm3   SM3 of the entry's fields (a changed entry in a newer version is a new record)
     */
    public record Entry(int line, String creditCode, String name, String conduct, String legalBasis, String issuingBody,
            String document, CreditClass creditClass, Instant restrictionFrom, Instant restrictionUntil, Instant publicationFrom,
            Instant publicationUntil, String entryId, String contentSm3) {
    }

    /** The entries of {@code bytes}, or the first problem with its line. */
    public static List<Entry> parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new MalformedListException(1, LineProblem.TOO_LARGE, String.valueOf(MAX_BYTES));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedListException(1, LineProblem.NOT_UTF8, "UTF-8");
        }
        List<Row> rows = rows(text);
        if (rows.isEmpty() || !rows.get(0).fields().equals(HEADER)) {
            throw new MalformedListException(1, LineProblem.WRONG_HEADER, String.join(",", HEADER));
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() == 1 && row.fields().get(0).isBlank()) {
                continue; // a blank line (e.g. the file's last)
            }
            if (entries.size() == MAX_ENTRIES) {
                throw new MalformedListException(row.line(), LineProblem.TOO_LARGE, String.valueOf(MAX_ENTRIES));
            }
            Entry e = entry(row);
            if (!ids.add(e.entryId())) {
                throw new MalformedListException(row.line(), LineProblem.DUPLICATE_ENTRY, e.entryId());
            }
            entries.add(e);
        }
        if (entries.isEmpty()) {
            throw new MalformedListException(2, LineProblem.NO_ENTRIES, "");
        }
        return List.copyOf(entries);
    }

    private static Entry entry(Row row) {
        List<String> f = row.fields();
        int line = row.line();
        if (f.size() != HEADER.size()) {
            throw new MalformedListException(line, LineProblem.WRONG_FIELD_COUNT, f.size() + "≠" + HEADER.size());
        }
        for (int i = 0; i < f.size(); i++) {
            String v = f.get(i);
            if (v.length() > MAX_FIELD) {
                throw new MalformedListException(line, LineProblem.FIELD_TOO_LONG, HEADER.get(i));
            }
            for (int k = 0; k < v.length(); k++) {
                if (Character.isISOControl(v.charAt(k))) {
                    throw new MalformedListException(line, LineProblem.CONTROL_CHARACTER, HEADER.get(i));
                }
            }
        }
        for (int i : new int[] {0, 1, 2, 3, 4, 6, 7, 11}) {
            if (f.get(i).isBlank()) {
                throw new MalformedListException(line, LineProblem.MISSING_FIELD, HEADER.get(i));
            }
        }
        String code = f.get(0).strip().toUpperCase(Locale.ROOT);
        if (UnifiedSocialCreditCode.defectOf(code) != null) {
            throw new MalformedListException(line, LineProblem.BAD_CREDIT_CODE, f.get(0).strip());
        }
        CreditClass creditClass = creditClass(f.get(6).strip(), line);
        Instant rf = start(f.get(7), line, 7);
        Instant ru = end(f.get(8), line, 8);
        Instant pf = start(f.get(9), line, 9);
        Instant pu = end(f.get(10), line, 10);
        if (ru != null && !ru.isAfter(rf)) {
            throw new MalformedListException(line, LineProblem.BAD_PERIOD, HEADER.get(8));
        }
        if (pu != null && (pf == null || !pu.isAfter(pf))) {
            throw new MalformedListException(line, LineProblem.BAD_PERIOD, HEADER.get(10));
        }
        String entryId = f.get(11).strip();
        String document = f.get(5).isBlank() ? null : f.get(5).strip();
        List<String> content = new ArrayList<>();
        content.add(code);
        for (int i = 1; i < f.size(); i++) {
            content.add(f.get(i).strip());
        }
        content.set(6, creditClass.name());
        return new Entry(line, code, f.get(1).strip(), f.get(2).strip(), f.get(3).strip(), f.get(4).strip(), document,
                creditClass, rf, ru, pf, pu, entryId, Sm3.hex(String.join("\u001f", content)));
    }

    private static CreditClass creditClass(String v, int line) {
        return switch (v) {
            case "轻微", "MINOR" -> CreditClass.MINOR;
            case "一般", "GENERAL" -> CreditClass.GENERAL;
            case "严重", "SERIOUS" -> CreditClass.SERIOUS;
            default -> throw new MalformedListException(line, LineProblem.BAD_CLASS, v);
        };
    }

    private static Instant start(String v, int line, int field) {
        LocalDate d = date(v, line, field);
        return d == null ? null : d.atStartOfDay(BEIJING).toInstant();
    }

    /** The last day in force, as the exclusive end: the next day's start. */
    private static Instant end(String v, int line, int field) {
        LocalDate d = date(v, line, field);
        return d == null ? null : d.plusDays(1).atStartOfDay(BEIJING).toInstant();
    }

    private static LocalDate date(String v, int line, int field) {
        if (v.isBlank()) {
            return null;
        }
        String s = v.strip();
        if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new MalformedListException(line, LineProblem.BAD_DATE, HEADER.get(field) + "=" + s);
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new MalformedListException(line, LineProblem.BAD_DATE, HEADER.get(field) + "=" + s);
        }
    }

    private record Row(int line, List<String> fields) {
    }

    /** RFC 4180 rows, each with the line it starts on; an unclosed quote is refused at its row's line. */
    private static List<Row> rows(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int rowLine = 1;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    f.append(c);
                }
            } else if (c == '"') {
                if (!f.isEmpty() || wasQuoted) {
                    throw new MalformedListException(line, LineProblem.BAD_QUOTE, String.valueOf(fields.size() + 1));
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            } else if (c == '\n') {
                fields.add(f.toString());
                rows.add(new Row(rowLine, List.copyOf(fields)));
                fields.clear();
                f.setLength(0);
                wasQuoted = false;
                line++;
                rowLine = line;
            } else {
                if (wasQuoted) {
                    throw new MalformedListException(line, LineProblem.BAD_QUOTE, String.valueOf(fields.size() + 1));
                }
                f.append(c);
            }
        }
        if (quoted) {
            throw new MalformedListException(rowLine, LineProblem.BAD_QUOTE, String.valueOf(fields.size() + 1));
        }
        if (!f.isEmpty() || !fields.isEmpty() || wasQuoted) {
            fields.add(f.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        return rows;
    }
}
