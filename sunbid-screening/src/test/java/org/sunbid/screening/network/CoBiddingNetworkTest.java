package org.sunbid.screening.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CoBiddingNetworkTest {

    /** A lot: id, winner, then bidder/price pairs. */
    private static Deal deal(String lot, String winner, Object... bidsAndPrices) {
        List<Deal.Bid> bids = new ArrayList<>();
        for (int i = 0; i < bidsAndPrices.length; i += 2) {
            bids.add(new Deal.Bid((String) bidsAndPrices[i], "公司" + bidsAndPrices[i], new BigDecimal(bidsAndPrices[i + 1].toString())));
        }
        return new Deal(lot, "项目" + lot, null, bids, winner);
    }

    /**
     * A, B and C bid together on four lots and take turns to win, the other two just above (≤ 2 %); honest D and E bid
     * too, higher; one lot without the cartel is won by D.
     */
    private static List<Deal> cartelHistory() {
        return List.of(
                deal("L1", "A", "A", "1000", "B", "1012", "C", "1018", "D", "1090"),
                deal("L2", "B", "A", "2030", "B", "2000", "C", "2025", "E", "2190"),
                deal("L3", "C", "A", "1520", "B", "1525", "C", "1500", "D", "1610", "E", "1580"),
                deal("L4", "A", "A", "800", "B", "812", "C", "809", "D", "850"),
                deal("L5", "D", "D", "900", "E", "950", "F", "935"));
    }

    @Test
    void findsTheRotatingGroupWithItsLotsPricesAndWinnersRankedFirst() {
        CoBiddingNetwork network = CoBiddingNetwork.of(cartelHistory());
        List<Finding> findings = network.findings(CoBiddingNetwork.Settings.DEFAULTS);
        Finding top = findings.get(0);
        assertEquals(Finding.Kind.ROTATION, top.kind());
        assertEquals(List.of("A", "B", "C"), top.members());
        assertEquals(List.of("公司A", "公司B", "公司C"), top.names());
        assertEquals(List.of("L1", "L2", "L3", "L4"), top.evidence().stream().map(Finding.LotEvidence::lotId).toList());
        Finding.LotEvidence l2 = top.evidence().get(1);
        assertEquals("B", l2.winnerId());
        assertEquals(new BigDecimal("2000"), l2.winningPrice());
        assertEquals(Map.of("公司A", 1.5, "公司C", 1.25), l2.aboveWinner());
        // 4 lots × 3 members × (1 + every lot covered within 2 %)
        assertEquals(24.0, top.strength(), 1e-9);
        assertEquals(1, findings.size(), findings.toString());
    }

    @Test
    void theGraphCountsWhoBidsWithWhomAndWhoLostToWhom() {
        List<Edge> edges = CoBiddingNetwork.of(cartelHistory()).edges();
        Edge ab = edges.stream().filter(e -> e.a().equals("A") && e.b().equals("B")).findFirst().orElseThrow();
        assertEquals(4, ab.together());
        assertEquals(4, ab.lotsA());
        assertEquals(1.0, ab.shareOfA(), 1e-12);
        assertEquals(1, ab.aLostToB()); // L2
        assertEquals(2, ab.bLostToA()); // L1, L4
        Edge de = edges.stream().filter(e -> e.a().equals("D") && e.b().equals("E")).findFirst().orElseThrow();
        assertEquals(2, de.together()); // L3, L5
        assertEquals(4, de.lotsA()); // L1, L3, L4, L5
        assertEquals(0.5, de.shareOfA(), 1e-12);
        assertEquals(2.0 / 3, de.shareOfB(), 1e-12); // E: L2, L3, L5
    }

    @Test
    void aBidderThatNeverWinsAndBidsJustAboveTheWinnerIsACoverBidder() {
        List<Deal> history = List.of(
                deal("M1", "P", "P", "1000", "K", "1010", "Q", "1080"),
                deal("M2", "Q", "Q", "500", "K", "507", "P", "530"),
                deal("M3", "R", "R", "700", "K", "714", "P", "760"),
                deal("M4", "P", "P", "900", "K", "990", "R", "930"));
        List<Finding> findings = CoBiddingNetwork.of(history).findings(CoBiddingNetwork.Settings.DEFAULTS);
        assertEquals(1, findings.size(), findings.toString());
        Finding cover = findings.get(0);
        assertEquals(Finding.Kind.COVER, cover.kind());
        assertEquals(List.of("K"), cover.members());
        assertEquals(List.of("M1", "M2", "M3"), cover.evidence().stream().map(Finding.LotEvidence::lotId).toList());
        assertEquals(Map.of("公司K", 2.0), cover.evidence().get(2).aboveWinner());
        assertEquals(3 * 0.75, cover.strength(), 1e-9);
    }

    @Test
    void aBidderThatLosesToTheSameWinnerEveryTimeTheyMeet() {
        List<Deal> history = List.of(
                deal("N1", "W", "W", "1000", "S", "1100", "X", "1150"),
                deal("N2", "W", "W", "1000", "S", "1200", "Y", "1050"),
                deal("N3", "W", "W", "1000", "S", "1090", "X", "1040"),
                deal("N4", "X", "X", "1000", "Y", "1100", "W", "1080"));
        List<Finding> findings = CoBiddingNetwork.of(history).findings(CoBiddingNetwork.Settings.DEFAULTS);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Finding.Kind.ALWAYS_LOSES, findings.get(0).kind());
        assertEquals(List.of("S", "W"), findings.get(0).members());
        assertEquals(3.0, findings.get(0).strength(), 1e-9);
    }

    @Test
    void honestCompetitionRaisesNothing() {
        // Five firms meet again and again; winners vary and include every firm; losers lie well above the winner.
        List<Deal> history = List.of(
                deal("H1", "A", "A", "1000", "B", "1060", "C", "1110", "D", "1045"),
                deal("H2", "D", "A", "1070", "B", "1100", "C", "1050", "D", "1000", "E", "1120"),
                deal("H3", "B", "B", "1000", "C", "1080", "D", "1130", "E", "1055"),
                deal("H4", "E", "A", "1090", "C", "1040", "E", "1000", "D", "1150"),
                deal("H5", "C", "A", "1065", "B", "1085", "C", "1000", "E", "1105"),
                deal("H6", "A", "A", "1000", "B", "1050", "D", "1090", "E", "1075"));
        CoBiddingNetwork network = CoBiddingNetwork.of(history);
        assertEquals(List.of(), network.findings(CoBiddingNetwork.Settings.DEFAULTS));
        assertTrue(network.edges().size() >= 10, "they do bid together: the graph has every pair");
    }

    @Test
    void anHonestLoserThatIsSometimesCloseIsNoCoverBidder() {
        // As the demo's honest supplier: 2.19 %, 0.89 %, 2.46 % and 5 % above the winners, who vary.
        List<Deal> history = List.of(
                deal("P1", "X", "X", "638000", "G", "652000", "Y", "671000"),
                deal("P2", "Y", "Y", "1796000", "G", "1812000", "Z", "1850000"),
                deal("P3", "Z", "Z", "3412000", "G", "3496000", "X", "3520000"),
                deal("P4", "X", "X", "1000000", "G", "1050000", "Y", "1030000"));
        assertEquals(List.of(), CoBiddingNetwork.of(history).findings(CoBiddingNetwork.Settings.DEFAULTS));
    }

    @Test
    void unawardedLotsCountForTheGraphOnly() {
        List<Deal> history = new ArrayList<>();
        for (Deal d : cartelHistory()) {
            history.add(new Deal(d.lotId(), d.label(), null, d.bids(), null));
        }
        CoBiddingNetwork network = CoBiddingNetwork.of(history);
        assertEquals(List.of(), network.findings(CoBiddingNetwork.Settings.DEFAULTS));
        assertEquals(4, network.edges().get(0).together());
    }
}
