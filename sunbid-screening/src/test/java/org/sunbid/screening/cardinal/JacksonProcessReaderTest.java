package org.sunbid.screening.cardinal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JacksonProcessReaderTest {

    private final JacksonProcessReader reader = new JacksonProcessReader();

    private Process read(String json) throws MalformedLineException {
        byte[] b = ("xx" + json + "yy").getBytes(StandardCharsets.UTF_8);
        return reader.read(b, 2, b.length - 4, 7);
    }

    @Test
    void keepsOnlyTheFieldsTheIndicatorsRead() throws Exception {
        Process p = read("""
                {"ocid":"ocds-1","date":"x","parties":[{"id":"B"}],"buyer":{"id":"B","name":"n"},
                 "tender":{"status":"active","procurementMethod":"open","procurementMethodDetails":"d",
                   "numberOfTenderers":1,"tenderPeriod":{"startDate":"s","endDate":"e"},
                   "procuringEntity":{"id":"P"},"items":[{"id":"1"}]},
                 "bids":{"statistics":[],"details":[
                   {"status":"valid","date":"2020","value":{"amount":10.5,"currency":"CNY"},"tenderers":[{"id":"T"},{"name":"x"}]},
                   {"status":"withdrawn"}, 5, {"status":1,"value":{"amount":"7"}}]},
                 "awards":[{"status":"active","suppliers":[{"id":"T"}],"items":[{"classification":{"id":"4512"}},{}]},
                   {"status":"pending"}, "x"]}
                """);
        assertEquals(7, p.seq());
        assertEquals("ocds-1", p.ocid());
        assertFalse(p.cancelled());
        assertEquals("open", p.procurementMethod());
        assertEquals("d", p.procurementMethodDetails());
        assertEquals(1, p.numberOfTenderers());
        assertEquals("s", p.tenderStartDate());
        assertEquals("e", p.tenderEndDate());
        assertEquals("B", p.buyerId());
        assertEquals("P", p.procuringEntityId());
        assertEquals(3, p.bids().length, "non-object entries are dropped");
        Process.Bid b = p.bids()[0];
        assertEquals(Process.VALID, b.status());
        assertEquals("2020", b.date());
        assertEquals(10.5, b.amount());
        assertEquals("CNY", b.currency());
        assertArrayEquals(new String[] {"T", null}, b.tenderers());
        assertEquals(Process.WITHDRAWN, p.bids()[1].status());
        assertFalse(p.bids()[1].submitted());
        assertEquals(Process.NONE, p.bids()[2].status());
        assertTrue(Double.isNaN(p.bids()[2].amount()), "a string amount is no amount");
        assertEquals(2, p.awards().length);
        assertEquals(Process.ACTIVE, p.awards()[0].status());
        assertArrayEquals(new String[] {"T"}, p.awards()[0].suppliers());
        assertArrayEquals(new String[] {"4512", null}, p.awards()[0].itemClassifications());
        assertEquals(Process.OTHER, p.awards()[1].status());
        assertNull(p.awards()[1].suppliers());
    }

    @Test
    void valuesOfAnotherTypeCountAsAbsent() throws Exception {
        Process p = read("""
                {"ocid":1,"tender":{"status":"cancelled","numberOfTenderers":1.0,"tenderPeriod":"x"},
                 "bids":{"details":{}},"awards":{}}""");
        assertNull(p.ocid());
        assertTrue(p.cancelled());
        assertEquals(-1, p.numberOfTenderers());
        assertNull(p.tenderStartDate());
        assertNull(p.bids());
        assertNull(p.awards());
        assertEquals(-1, read("{\"tender\":{\"numberOfTenderers\":-1}}").numberOfTenderers());
        assertEquals(-1, read("{\"tender\":{\"numberOfTenderers\":99999999999999999999}}").numberOfTenderers());
    }

    @Test
    void blankAndNonObjectLinesAreSkipped() throws Exception {
        assertNull(read(" \t\r"));
        assertNull(read("[1,2]"));
        assertNull(read("\"text\""));
        assertEquals(0, read("{}").seq() - 7);
    }

    @Test
    void invalidJsonIsMalformed() {
        assertThrows(MalformedLineException.class, () -> read("{\"ocid\":"));
        assertThrows(MalformedLineException.class, () -> read("{\"ocid\":\"a\"} {}"));
        assertThrows(MalformedLineException.class, () -> read("{'ocid':'a'}"));
        assertThrows(MalformedLineException.class, () -> read("{\"a\":NaN}"));
    }
}
