package org.sunbid.screening.read;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over the bytes of one JSON line that reads only what it is asked for and skips the rest, while still
 * checking the whole line is valid JSON the way Cardinal's reader (serde_json over a Rust {@code &str}) does: strict
 * grammar (no trailing commas, no comments, no leading zeros, no raw control characters in strings), valid escapes
 * (no lone surrogates), valid UTF-8 inside strings, nesting at most 128 deep, nothing but whitespace after the value.
 * An invalid line throws {@link Invalid} (one shared instance, no stack trace: a bad line costs nothing extra).
 *
 * <p>The line must be followed by a {@code '\n'} inside the array (a sentinel: loops stop at it without bounds
 * checks), which the CLI's {@code LineFolder} gives every line but an unterminated last one (the reader copies that).
 */
final class JsonCursor {

    /** The line is not valid JSON (Cardinal skips such lines with a warning). */
    static final class Invalid extends RuntimeException {
        static final Invalid INSTANCE = new Invalid();

        private Invalid() {
            super("invalid JSON", null, false, false);
        }
    }

    /** serde_json's recursion limit. */
    private static final int MAX_DEPTH = 128;

    byte[] b;
    int i;

    void reset(byte[] buf, int at) {
        this.b = buf;
        this.i = at;
    }

    static Invalid invalid() {
        return Invalid.INSTANCE;
    }

    /** Skips JSON whitespace inside a line (a newline ends the line, so it is not skipped). */
    void ws() {
        byte c;
        while ((c = b[i]) == ' ' || c == '\t' || c == '\r') {
            i++;
        }
    }

    /** The next non-whitespace byte, not consumed. */
    byte peek() {
        ws();
        return b[i];
    }

    void expect(char c) {
        ws();
        if (b[i] != c) {
            throw invalid();
        }
        i++;
    }

    /** After an opening bracket: true if the container is empty (the closing bracket consumed). */
    boolean emptyOr(char close) {
        ws();
        if (b[i] == close) {
            i++;
            return true;
        }
        return false;
    }

    /** After a member or element: true if another follows (the comma consumed), false at the closing bracket. */
    boolean more(char close) {
        ws();
        byte c = b[i];
        if (c == ',') {
            i++;
            return true;
        }
        if (c == close) {
            i++;
            return false;
        }
        throw invalid();
    }

    /**
     * Reads an object key and its colon; returns the key's start, with {@link #keyEnd} its end, or -1 if the key has
     * escapes (then {@link #escapedKey} holds it decoded).
     */
    int key() {
        ws();
        if (b[i] != '"') {
            throw invalid();
        }
        int start = ++i;
        boolean plain = scanString();
        keyEnd = i - 1;
        expect(':');
        if (plain) {
            return start;
        }
        escapedKey = decode(start, keyEnd);
        return -1;
    }

    int keyEnd;
    String escapedKey;

    /** True if the key just read ({@link #key}'s result) is {@code name} (ASCII). */
    boolean keyIs(int start, byte[] name) {
        if (start < 0) {
            return escapedKey.equals(new String(name, StandardCharsets.ISO_8859_1));
        }
        return keyEnd - start == name.length && Arrays.equals(b, start, keyEnd, name, 0, name.length);
    }

    /** Skips any value (validating it). */
    void skip() {
        skip(1);
    }

    private void skip(int depth) {
        ws();
        byte c = b[i];
        switch (c) {
            case '{' -> {
                if (depth > MAX_DEPTH) {
                    throw invalid();
                }
                i++;
                if (!emptyOr('}')) {
                    do {
                        ws();
                        if (b[i] != '"') {
                            throw invalid();
                        }
                        i++;
                        scanString();
                        expect(':');
                        skip(depth + 1);
                    } while (more('}'));
                }
            }
            case '[' -> {
                if (depth > MAX_DEPTH) {
                    throw invalid();
                }
                i++;
                if (!emptyOr(']')) {
                    do {
                        skip(depth + 1);
                    } while (more(']'));
                }
            }
            case '"' -> {
                i++;
                scanString();
            }
            case 't' -> literal(TRUE);
            case 'f' -> literal(FALSE);
            case 'n' -> literal(NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    scanNumber();
                } else {
                    throw invalid();
                }
            }
        }
    }

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private void literal(byte[] word) {
        for (byte w : word) {
            if (b[i++] != w) {
                throw invalid();
            }
        }
    }

    /**
     * Past the opening quote: moves past the closing quote, validating; returns true if the string has no escapes
     * (its bytes are its UTF-8).
     */
    boolean scanString() {
        boolean plain = true;
        boolean ascii = true;
        byte[] b = this.b;
        int i = this.i;
        while (true) {
            byte c = b[i];
            if (c == '"') {
                this.i = i + 1;
                this.ascii = ascii;
                return plain;
            }
            if (c >= 0x20 && c != '\\') {
                i++;
            } else if (c < 0) {
                ascii = false;
                i = utf8(b, i);
            } else if (c == '\\') {
                plain = false;
                i = escape(b, i + 1);
            } else {
                throw invalid(); // a raw control character, or the line's end
            }
        }
    }

    /** Validates one UTF-8 sequence starting at a byte >= 0x80; returns the index after it. */
    private static int utf8(byte[] b, int i) {
        int c = b[i] & 0xFF;
        if (c >= 0xC2 && c <= 0xDF) {
            cont(b[i + 1]);
            return i + 2;
        }
        if (c >= 0xE0 && c <= 0xEF) {
            int c1 = b[i + 1] & 0xFF;
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) {
                throw invalid();
            }
            cont(b[i + 1]);
            cont(b[i + 2]);
            return i + 3;
        }
        if (c >= 0xF0 && c <= 0xF4) {
            int c1 = b[i + 1] & 0xFF;
            if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) {
                throw invalid();
            }
            cont(b[i + 1]);
            cont(b[i + 2]);
            cont(b[i + 3]);
            return i + 4;
        }
        throw invalid();
    }

    private static void cont(byte c) {
        if ((c & 0xC0) != 0x80) {
            throw invalid();
        }
    }

    /** Past a backslash: validates one escape; returns the index after it. */
    private static int escape(byte[] b, int i) {
        switch (b[i]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return i + 1;
            }
            case 'u' -> {
                int u = hex4(b, i + 1);
                if (u >= 0xD800 && u <= 0xDBFF) {
                    if (b[i + 5] != '\\' || b[i + 6] != 'u') {
                        throw invalid();
                    }
                    int low = hex4(b, i + 7);
                    if (low < 0xDC00 || low > 0xDFFF) {
                        throw invalid();
                    }
                    return i + 11;
                }
                if (u >= 0xDC00 && u <= 0xDFFF) {
                    throw invalid();
                }
                return i + 5;
            }
            default -> throw invalid();
        }
    }

    private static int hex4(byte[] b, int i) {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int c = b[i + k];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                throw invalid();
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** Reads a string value (the cursor at its opening quote, whitespace skipped). */
    String string() {
        int start = ++i;
        boolean plain = scanString();
        int end = i - 1;
        if (!plain) {
            return decode(start, end);
        }
        return new String(b, start, end - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** The last scanned string had only ASCII bytes. */
    boolean ascii;

    /** Start of the last plain string's bytes (after {@link #stringBytes}). */
    int strStart;
    /** End of the last plain string's bytes. */
    int strEnd;

    /**
     * Reads a string value into {@link #strStart}/{@link #strEnd} without making a String; returns false if it has
     * escapes (then {@link #escapedKey} holds it decoded).
     */
    boolean stringBytes() {
        strStart = ++i;
        boolean plain = scanString();
        strEnd = i - 1;
        if (!plain) {
            escapedKey = decode(strStart, strEnd);
        }
        return plain;
    }

    /** True if the last {@link #stringBytes} value equals {@code word} (ASCII). */
    boolean stringIs(boolean plain, byte[] word) {
        if (!plain) {
            return escapedKey.equals(new String(word, StandardCharsets.ISO_8859_1));
        }
        return strEnd - strStart == word.length && Arrays.equals(b, strStart, strEnd, word, 0, word.length);
    }

    /** Decodes a validated string's content with escapes. */
    private String decode(int start, int end) {
        StringBuilder s = new StringBuilder(end - start);
        int k = start;
        while (k < end) {
            int run = k;
            while (k < end && b[k] != '\\') {
                k++;
            }
            if (k > run) {
                s.append(new String(b, run, k - run, StandardCharsets.UTF_8));
            }
            if (k >= end) {
                break;
            }
            byte e = b[k + 1];
            switch (e) {
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    s.append((char) hex4(b, k + 2));
                    k += 4;
                }
                default -> s.append((char) e);
            }
            k += 2;
        }
        return s.toString();
    }

    /** Start and end of the last number's text (after {@link #scanNumber}). */
    int numStart;
    int numEnd;
    /** True if the last number has a fraction or an exponent. */
    boolean numFloat;

    /** Moves past a number, validating JSON's grammar. */
    void scanNumber() {
        byte[] b = this.b;
        int i = this.i;
        numStart = i;
        numFloat = false;
        if (b[i] == '-') {
            i++;
        }
        if (b[i] == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            while (b[i] >= '0' && b[i] <= '9') {
                i++;
            }
        } else {
            throw invalid();
        }
        if (b[i] == '.') {
            numFloat = true;
            i++;
            if (b[i] < '0' || b[i] > '9') {
                throw invalid();
            }
            while (b[i] >= '0' && b[i] <= '9') {
                i++;
            }
        }
        if (b[i] == 'e' || b[i] == 'E') {
            numFloat = true;
            i++;
            if (b[i] == '+' || b[i] == '-') {
                i++;
            }
            if (b[i] < '0' || b[i] > '9') {
                throw invalid();
            }
            while (b[i] >= '0' && b[i] <= '9') {
                i++;
            }
        }
        numEnd = i;
        this.i = i;
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
            1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * The last number as the nearest double (what serde_json's {@code as_f64} gives). Fast and exact for up to 15
     * digits with at most 22 decimals and no exponent (an integer below 2^53 divided by an exact power of ten is
     * correctly rounded); anything else through {@link Double#parseDouble}.
     */
    double numberValue() {
        byte[] b = this.b;
        int k = numStart;
        boolean negative = b[k] == '-';
        if (negative) {
            k++;
        }
        long m = 0;
        int digits = 0;
        int decimals = -1;
        for (; k < numEnd; k++) {
            byte c = b[k];
            if (c == '.') {
                decimals = 0;
                continue;
            }
            if (c == 'e' || c == 'E') {
                digits = 99;
                break;
            }
            m = m * 10 + (c - '0');
            digits++;
            if (decimals >= 0) {
                decimals++;
            }
        }
        if (digits <= 15 && decimals <= 22) {
            double v = decimals > 0 ? m / POW10[decimals] : m;
            return negative ? -v : v;
        }
        return Double.parseDouble(new String(b, numStart, numEnd - numStart, StandardCharsets.ISO_8859_1));
    }

    /** True if the last number's text is exactly {@code 1} (serde_json's {@code as_u64() == Some(1)}). */
    boolean numberIsOne() {
        return numEnd - numStart == 1 && b[numStart] == '1';
    }
}
