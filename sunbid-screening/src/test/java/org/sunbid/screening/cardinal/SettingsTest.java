package org.sunbid.screening.cardinal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void anIndicatorRunsWhenItsSectionIsPresent() throws Exception {
        Settings s = Settings.parse("[R028]\n[R003.procurement_method_details]\nx = 5\n");
        assertEquals(EnumSet.of(Indicator.R003, Indicator.R028), s.enabled());
        assertEquals(Map.of("x", 5L), s.r003ProcurementMethodDetails());
        assertTrue(Settings.empty().enabled().isEmpty());
    }

    @Test
    void readsTopLevelExclusionsAndOutput() throws Exception {
        Settings s = Settings.parse("""
                currency = EUR
                no_price_comparison_procurement_methods = NPC|Lottery
                price_comparison_procurement_methods = Auction
                [exclusions]
                procurement_method_details = EXC
                [output]
                info_currency_mismatches = yes
                """);
        assertEquals("EUR", s.currency());
        assertEquals(Set.of("NPC", "Lottery"), s.noPriceComparisonProcurementMethods());
        assertEquals(Set.of("Auction"), s.priceComparisonProcurementMethods());
        assertEquals(Set.of("EXC"), s.excludedProcurementMethodDetails());
        assertTrue(s.infoCurrencyMismatches());
    }

    @Test
    void acceptsThePrepareSectionsOfCardinalsDefaultFile() throws Exception {
        Settings s = Settings.parse("""
                [defaults]
                currency = USD
                party_roles = true
                [redactions]
                amount = 0
                [corrections]
                award_status_by_contract_status = true
                [modifications]
                move_auctions = true
                split_procurement_method_details = -
                [codelists.bid_status]
                qualified = valid
                [codelists.award_status]
                Active = active
                """);
        assertTrue(s.enabled().isEmpty());
        assertNull(s.currency());
    }

    @Test
    void pipeListsSplitLikeCardinals() {
        assertEquals(List.of("a", "b"), List.copyOf(Settings.pipes("a|b|")));
        assertEquals(List.of("a", "", "b"), List.copyOf(Settings.pipes("a||b")));
        assertTrue(Settings.pipes("").isEmpty());
        assertTrue(Settings.pipes(null).isEmpty());
    }

    @Test
    void typedValuesFollowCardinalsConversions() throws Exception {
        Settings s = Settings.parse("[R024]\nthreshold = .05\n[R035]\nthreshold = +3\n[R003]\nthreshold = -2\n");
        assertEquals(0.05, s.doubleValue("R024", "threshold"));
        assertEquals(3L, s.unsigned("R035", "threshold"));
        assertEquals(-2L, s.integer("R003", "threshold"));
        assertEquals(1.0, Settings.parse("[R058]\nthreshold = true\n").doubleValue("R058", "threshold"));
    }

    @Test
    void rejectsUnknownSectionsKeysAndWrongTypes() {
        assertMessage("unknown section [R999]", "[R999]\n");
        assertMessage("unknown key `threshold` in [R028]", "[R028]\nthreshold = 1\n");
        assertMessage("unknown key `treshold` in [R024]", "[R024]\ntreshold = 1\n");
        assertMessage("unknown key `R003` at the top level", "R003 = 1\n");
        assertMessage("`R024.threshold` must be a number, found `abc`", "[R024]\nthreshold = abc\n");
        assertMessage("`R035.threshold` must be a non-negative integer, found `-1`", "[R035]\nthreshold = -1\n");
        assertMessage("`R048.digits` must be a non-negative integer, found `2.5`", "[R048]\ndigits = 2.5\n");
        assertMessage("`R003.threshold` must be an integer, found `1e3`", "[R003]\nthreshold = 1e3\n");
        assertMessage("`R003.procurement_method_details.x` must be an integer, found `five`",
                "[R003.procurement_method_details]\nx = five\n");
        assertMessage("`output.info_currency_mismatches` must be a boolean, found `maybe`",
                "[output]\ninfo_currency_mismatches = maybe\n");
        assertMessage("`R024.threshold` must be a number, found `1.5d`", "[R024]\nthreshold = 1.5d\n");
    }

    @Test
    void aSectionOutsideTheIndicatorsIsNotAnIndicator() throws Exception {
        assertFalse(Settings.parse("[exclusions]\n").isEnabled(Indicator.R003));
    }

    private static void assertMessage(String message, String ini) {
        SettingsException e = assertThrows(SettingsException.class, () -> Settings.parse(ini));
        assertEquals(message, e.getMessage());
    }
}
