package org.sunbid.screening.cardinal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IniTest {

    @Test
    void readsTopLevelKeysSectionsAndSubSections() throws Exception {
        Map<String, Map<String, String>> ini = Ini.parse("""
                ; a comment
                # another comment
                currency = USD
                no_price_comparison_procurement_methods = Random Selection|Lottery

                [R003]
                threshold = 15
                [R003.procurement_method_details]
                emergency = 10
                international: 25
                """);
        assertEquals(Map.of("currency", "USD", "no_price_comparison_procurement_methods", "Random Selection|Lottery"),
                ini.get(""));
        assertEquals(Map.of("threshold", "15"), ini.get("R003"));
        assertEquals(Map.of("emergency", "10", "international", "25"), ini.get("R003.procurement_method_details"));
    }

    @Test
    void unquotesAndDropsInlineComments() throws Exception {
        Map<String, Map<String, String>> ini = Ini.parse("""
                [s]
                a = "quoted ; not a comment"
                b = 'single'
                c = value ; comment
                d = value#not-a-comment
                e =
                """);
        Map<String, String> s = ini.get("s");
        assertEquals("quoted ; not a comment", s.get("a"));
        assertEquals("single", s.get("b"));
        assertEquals("value", s.get("c"));
        assertEquals("value#not-a-comment", s.get("d"));
        assertEquals("", s.get("e"));
    }

    @Test
    void anEmptySectionIsPresentAndARepeatedKeyKeepsTheLastValue() throws Exception {
        Map<String, Map<String, String>> ini = Ini.parse("[R028]\n[R024]\nthreshold = 1\nthreshold = 2\r\n");
        assertTrue(ini.containsKey("R028"));
        assertTrue(ini.get("R028").isEmpty());
        assertEquals("2", ini.get("R024").get("threshold"));
    }

    @Test
    void rejectsBrokenLinesWithTheirNumber() {
        SettingsException header = assertThrows(SettingsException.class, () -> Ini.parse("a = 1\n[R003\n"));
        assertEquals("line 2: section header without ]", header.getMessage());
        SettingsException noValue = assertThrows(SettingsException.class, () -> Ini.parse("[R003]\nthreshold\n"));
        assertTrue(noValue.getMessage().startsWith("line 2: expected key = value"), noValue.getMessage());
        assertThrows(SettingsException.class, () -> Ini.parse("[]\n"));
        assertThrows(SettingsException.class, () -> Ini.parse("= 1\n"));
    }
}
