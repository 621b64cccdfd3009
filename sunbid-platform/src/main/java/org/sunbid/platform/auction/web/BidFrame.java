package org.sunbid.platform.auction.web;

/**
 * A bid frame of the bid socket, read by hand (it is read for every bid): one flat JSON object whose members are
 * strings, numbers, {@code true}, {@code false} or {@code null}; {@code amount} and {@code ref} are taken (as text), any
 * other member is skipped. Anything else — not JSON, an array, a nested value, trailing text, a bad escape, a frame of
 * more than {@link #MAX} characters — is refused with {@link IllegalArgumentException}.
 */
record BidFrame(String amount, String ref) {

    static final int MAX = 1024;

    static BidFrame parse(String text) {
        if (text == null || text.length() > MAX) {
            throw new IllegalArgumentException("frame");
        }
        Reader r = new Reader(text);
        String amount = null;
        String ref = null;
        r.skip();
        r.expect('{');
        r.skip();
        if (r.peek() == '}') {
            r.i++;
        } else {
            while (true) {
                r.skip();
                String name = r.string();
                r.skip();
                r.expect(':');
                r.skip();
                String value = r.value();
                if (name.equals("amount")) {
                    amount = value;
                } else if (name.equals("ref")) {
                    ref = value;
                }
                r.skip();
                char c = r.next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("frame");
                }
            }
        }
        r.skip();
        if (r.i != text.length()) {
            throw new IllegalArgumentException("frame");
        }
        return new BidFrame(amount, ref);
    }

    private static final class Reader {
        private final String s;
        int i;

        Reader(String s) {
            this.s = s;
        }

        char peek() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("frame");
            }
            return s.charAt(i);
        }

        char next() {
            char c = peek();
            i++;
            return c;
        }

        void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("frame");
            }
        }

        void skip() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
                i++;
            }
        }

        /** A string, a number's text, or null for true/false/null. */
        String value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                int start = i;
                while (i < s.length() && "+-.eE0123456789".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                return s.substring(start, i);
            }
            for (String literal : new String[] {"true", "false", "null"}) {
                if (s.startsWith(literal, i)) {
                    i += literal.length();
                    return null;
                }
            }
            throw new IllegalArgumentException("frame"); // an object, an array or not JSON
        }

        String string() {
            expect('"');
            int start = i;
            while (true) {
                char c = next();
                if (c == '"') {
                    return s.substring(start, i - 1);
                }
                if (c == '\\') {
                    return escaped(start);
                }
                if (c < 0x20) {
                    throw new IllegalArgumentException("frame");
                }
            }
        }

        /** The rest of a string that has an escape ({@code i} just past the first backslash). */
        private String escaped(int start) {
            StringBuilder b = new StringBuilder(s.substring(start, i - 1));
            i--;
            while (true) {
                char c = next();
                if (c == '"') {
                    return b.toString();
                }
                if (c < 0x20) {
                    throw new IllegalArgumentException("frame");
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw new IllegalArgumentException("frame");
                        }
                        int code = 0;
                        for (int k = 0; k < 4; k++) {
                            int d = Character.digit(s.charAt(i + k), 16);
                            if (d < 0) {
                                throw new IllegalArgumentException("frame");
                            }
                            code = code * 16 + d;
                        }
                        b.append((char) code);
                        i += 4;
                    }
                    default -> throw new IllegalArgumentException("frame");
                }
            }
        }
    }
}
