package org.sunbid.platform.mall;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * Mall bids at rest (issue 22, session 12): a database administrator reads every row a reverse auction's bids left
 * before the close and finds no amount — the amounts are SM4-GCM under a key derived for the auction from a key file
 * outside the database ({@link BidVault}); the bidder still sees its own bid, and the close opens them all and picks
 * the same winner. A sealed amount moved to another supplier's row does not open: the close refuses rather than award
 * on it, and goes through once the row is put back.
 */
class MallSealedBidsIT extends MallBiddingIT {

    @Autowired
    MallDeadlines deadlines;

    /** Each bid row of the auction as the administrator reads it: the row as text (but the sealed bytes), and the two amount columns. */
    private record DbaRow(UUID id, String supplierId, String asText, String unitPrice, byte[] sealed) {
    }

    private List<DbaRow> rowsAsDba(Connection dba, String auctionId) throws Exception {
        List<DbaRow> rows = new ArrayList<>();
        try (PreparedStatement s = dba.prepareStatement("""
                SELECT b.id, b.supplier_id::text, (to_jsonb(b) - 'sealed_price')::text, b.unit_price::text, b.sealed_price
                  FROM mall_reverse_bid b WHERE b.auction_id = ? ORDER BY b.received_at, b.id""")) {
            s.setObject(1, UUID.fromString(auctionId));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new DbaRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5)));
                }
            }
        }
        return rows;
    }

    private static void setSealed(Connection dba, UUID bidId, byte[] sealed) throws Exception {
        try (PreparedStatement s = dba.prepareStatement("UPDATE mall_reverse_bid SET sealed_price = ? WHERE id = ?")) {
            s.setBytes(1, sealed);
            s.setObject(2, bidId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private String status(Connection dba, String auctionId) throws Exception {
        try (PreparedStatement s = dba.prepareStatement("SELECT status FROM mall_reverse_auction WHERE id = ?")) {
            s.setObject(1, UUID.fromString(auctionId));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aDatabaseAdministratorReadsNoBidAmountBeforeTheClose_theCloseOpensThem_aMovedAmountDoesNotOpen() throws Exception {
        clock.set(START.plus(Duration.ofDays(84)));
        Map<String, String> listing = new HashMap<>();
        JsonNode a = auctionWithThreeBids(listing); // 4,800.00, 4,790.00 and 4,850.00
        String id = a.path("id").asString();
        try (Connection dba = databaseAdministrator()) {
            List<DbaRow> rows = rowsAsDba(dba, id);
            assertThat(rows).hasSize(3);
            for (DbaRow r : rows) {
                assertThat(r.unitPrice()).isNull();
                assertThat(r.sealed()).hasSize(12 + 40 + 16); // nonce, the amount padded to 40 characters, tag: its length says nothing
                assertThat(r.asText()).doesNotContain("4800").doesNotContain("4790").doesNotContain("4850");
                String sealedText = new String(r.sealed(), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(sealedText).doesNotContain("4800").doesNotContain("4790").doesNotContain("4850");
            }
            // nor does the log say anything of the bids before the close
            try (PreparedStatement s = dba.prepareStatement("SELECT COUNT(*) FROM log_entry WHERE details::text LIKE ? AND (details::text LIKE '%4800%'"
                    + " OR details::text LIKE '%4790%' OR details::text LIKE '%4850%')")) {
                s.setString(1, "%" + id + "%");
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
            }

            // the bidder is shown its own bid, opened for it alone
            JsonNode own = api.get("/api/v1/mall/reverse-auctions/" + id, token("bidder2")).json();
            assertThat(own.path("mine").get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("4790.00");
            assertThat(own.path("myLimit").decimalValue()).isEqualByComparingTo("4785.10"); // 4,790.00 less 0.1 % of 4,899.00 (4.90)

            // an administrator moves bidder1's sealed amount into bidder2's row (and back): it does not open there
            DbaRow b1 = rows.stream().filter(r -> r.asText().contains(listing.get("bidder1"))).findFirst().orElseThrow();
            DbaRow b2 = rows.stream().filter(r -> r.asText().contains(listing.get("bidder2"))).findFirst().orElseThrow();
            clock.set(Instant.parse(a.path("closesAt").asString()));
            setSealed(dba, b2.id(), b1.sealed());
            deadlines.closeDue();
            assertThat(status(dba, id)).as("no award on a moved amount").isEqualTo("OPEN");
            setSealed(dba, b2.id(), b2.sealed());

            deadlines.closeDue();
            assertThat(status(dba, id)).isEqualTo("AWARDED");
            JsonNode offers = api.get("/api/v1/mall/reverse-auctions/" + id + "/bids", null).json();
            assertThat(offers.get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("4790.00");
            assertThat(offers.get(0).path("won").asBoolean()).isTrue();
            assertThat(offers.get(2).path("unitPrice").decimalValue()).isEqualByComparingTo("4850.00");
            // opened for showing, still sealed at rest
            assertThat(rowsAsDba(dba, id)).allSatisfy(r -> assertThat(r.unitPrice()).isNull());
        }
    }
}
