package org.sunbid.screening.cardinal;

/** RFC 3339 date-times as chrono's {@code parse_from_rfc3339} reads them, to whole days between two. */
final class Rfc3339 {

    private Rfc3339() {
    }

    /** Seconds since the epoch and nanoseconds, or {@code null} when the text is not an RFC 3339 date-time. */
    static long[] parse(String s) {
        if (s == null) return null;
        int n = s.length();
        if (n < 20) return null;
        int year = digits(s, 0, 4);
        if (year < 0 || s.charAt(4) != '-') return null;
        int month = digits(s, 5, 2);
        if (month < 1 || month > 12 || s.charAt(7) != '-') return null;
        int day = digits(s, 8, 2);
        if (day < 1 || day > daysIn(year, month)) return null;
        char t = s.charAt(10);
        if (t != 'T' && t != 't' && t != ' ') return null;
        int hour = digits(s, 11, 2);
        if (hour < 0 || hour > 23 || s.charAt(13) != ':') return null;
        int minute = digits(s, 14, 2);
        if (minute < 0 || minute > 59 || s.charAt(16) != ':') return null;
        int second = digits(s, 17, 2);
        if (second < 0 || second > 60) return null;
        int i = 19;
        long nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int start = i;
            long scale = 100_000_000;
            while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                if (scale > 0) {
                    nanos += (s.charAt(i) - '0') * scale;
                    scale /= 10;
                }
                i++;
            }
            if (i == start) return null;
        }
        if (i >= n) return null;
        char z = s.charAt(i);
        int offset;
        if ((z == 'Z' || z == 'z') && i + 1 == n) {
            offset = 0;
        } else if ((z == '+' || z == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 23 || om < 0 || om > 59) return null;
            offset = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
        } else {
            return null;
        }
        long days = epochDay(year, month, day);
        long secs = days * 86_400 + hour * 3600L + minute * 60L + second - offset;
        return new long[] {secs, nanos};
    }

    /** Whole days from start to end, truncated toward zero (chrono's {@code num_days}). */
    static long days(long[] start, long[] end) {
        long secs = end[0] - start[0];
        long nanos = end[1] - start[1];
        if (nanos < 0) {
            secs -= 1;
            nanos += 1_000_000_000L;
        }
        if (secs < 0 && nanos > 0) secs += 1;
        return secs / 86_400;
    }

    private static int digits(String s, int at, int count) {
        int v = 0;
        for (int i = at; i < at + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static long epochDay(int year, int month, int day) {
        return java.time.LocalDate.of(year, month, day).toEpochDay();
    }
}
