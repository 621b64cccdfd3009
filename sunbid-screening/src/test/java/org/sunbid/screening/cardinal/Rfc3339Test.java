package org.sunbid.screening.cardinal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class Rfc3339Test {

    private static long days(String start, String end) {
        return Rfc3339.days(Rfc3339.parse(start), Rfc3339.parse(end));
    }

    @Test
    void wholeDaysTruncateTowardZero() {
        assertEquals(14, days("2020-01-01T00:00:00Z", "2020-01-15T23:59:59Z"));
        assertEquals(15, days("2020-01-01T00:00:00Z", "2020-01-16T00:00:00Z"));
        assertEquals(0, days("2020-01-02T00:00:00Z", "2020-01-01T00:00:01Z"));
        assertEquals(-1, days("2020-01-03T00:00:00Z", "2020-01-01T12:00:00Z"));
        assertEquals(0, days("2020-01-01T00:00:00.5Z", "2020-01-02T00:00:00.4Z"));
    }

    @Test
    void offsetsAreApplied() {
        assertEquals(1, days("2020-01-01T00:00:00+05:00", "2020-01-01T19:00:00-05:00"));
        assertEquals(0, days("2020-01-01T00:00:00+05:00", "2020-01-01T13:59:59-05:00"));
        assertEquals(29, days("2020-02-01t00:00:00z", "2020-03-01 00:00:00Z"));
    }

    @Test
    void rejectsWhatIsNotRfc3339() {
        assertNull(Rfc3339.parse("2020-01-01"));
        assertNull(Rfc3339.parse("2020-01-01T00:00Z"));
        assertNull(Rfc3339.parse("2020-01-01T00:00:00"));
        assertNull(Rfc3339.parse("2020-01-01T00:00:00+0500"));
        assertNull(Rfc3339.parse("2020-02-30T00:00:00Z"));
        assertNull(Rfc3339.parse("2020-01-01T24:00:00Z"));
        assertNull(Rfc3339.parse("2020-01-01T00:00:00.Z"));
        assertNull(Rfc3339.parse(null));
    }
}
