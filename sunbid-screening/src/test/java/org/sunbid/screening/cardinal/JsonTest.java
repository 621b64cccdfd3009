package org.sunbid.screening.cardinal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Numbers and strings as serde_json (with ryu) writes them. */
class JsonTest {

    @Test
    void floatsUseRyusShortestForm() {
        assertEquals("1.0", Json.format(1.0));
        assertEquals("0.0", Json.format(0.0));
        assertEquals("-0.0", Json.format(-0.0));
        assertEquals("0.2", Json.format(0.2));
        assertEquals("100.0", Json.format(100.0));
        assertEquals("-2.5", Json.format(-2.5));
        assertEquals("0.30000000000000004", Json.format(0.1 + 0.2));
        assertEquals("0.3333333333333333", Json.format(1.0 / 3));
        assertEquals("0.00001", Json.format(1e-5));
        assertEquals("1e-6", Json.format(1e-6));
        assertEquals("1.5e-7", Json.format(1.5e-7));
        assertEquals("1234567890123456.0", Json.format(1234567890123456.0));
        assertEquals("1e16", Json.format(1e16));
        assertEquals("1.2345e20", Json.format(1.2345e20));
        assertEquals("2e23", Json.format(2e23));
        assertEquals("1.7976931348623157e308", Json.format(Double.MAX_VALUE));
        assertEquals("5e-324", Json.format(Double.MIN_VALUE));
        assertEquals("10000000.0", Json.format(1e7));
    }

    @Test
    void nonFiniteNumbersAreNull() {
        StringBuilder out = new StringBuilder();
        Json.number(out, Double.NaN);
        out.append(',');
        Json.number(out, Double.POSITIVE_INFINITY);
        assertEquals("null,null", out.toString());
    }

    @Test
    void metaRoundsToFourDecimalsHalfAwayFromZero() {
        assertEquals(66.6667, Json.round4(200.0 / 3));
        assertEquals(0.8333, Json.round4(0.8333333333));
        assertEquals(0.0001, Json.round4(0.00005));
        assertEquals(-0.0001, Json.round4(-0.00005));
        assertEquals(83.3333, Json.round4(83.33333333333333));
        assertEquals(Double.NaN, Json.round4(Double.NaN));
    }

    @Test
    void stringsEscapeLikeSerdeJson() {
        StringBuilder out = new StringBuilder();
        Json.string(out, "a\"b\\c\n\t\u0001\u007f中");
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001\u007f中\"", out.toString());
    }
}
