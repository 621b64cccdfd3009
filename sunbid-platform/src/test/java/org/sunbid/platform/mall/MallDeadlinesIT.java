package org.sunbid.platform.mall;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * Reverse auctions and group purchases close at their deadline, not at the next request (issue 22): the scheduled
 * sweep ({@link MallDeadlines}), run here directly after the clock passed the close, awards them and places their orders
 * while nobody reads them — checked in the tables, since any mall request would close them itself. Two closes of the
 * same auction at the same moment make one order and one audit entry.
 */
class MallDeadlinesIT extends MallBiddingIT {

    @Autowired
    MallDeadlines deadlines;

    @Autowired
    ReverseAuctions auctions;

    @Autowired
    JdbcClient jdbc;

    private String auctionStatus(String id) {
        return jdbc.sql("SELECT status FROM mall_reverse_auction WHERE id = :id").param("id", UUID.fromString(id)).query(String.class)
                .single();
    }

    private long ordersOf(String listingId) {
        return jdbc.sql("SELECT COUNT(*) FROM mall_order WHERE listing_id = :l").param("l", UUID.fromString(listingId))
                .query(Long.class).single();
    }

    private long closedEntries(String action, String id) {
        return jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :s")
                .param("a", action).param("s", id).query(Long.class).single();
    }

    @Test
    void theSweepClosesAReverseAuctionAtItsDeadline_withoutARequest_andOnce() {
        clock.set(START.plus(Duration.ofDays(42)));
        Map<String, String> listing = new HashMap<>();
        JsonNode a = auctionWithThreeBids(listing);
        String id = a.path("id").asString();
        clock.set(Instant.parse(a.path("closesAt").asString()).minusSeconds(1));
        deadlines.closeDue();
        assertThat(auctionStatus(id)).as("a second before the close").isEqualTo("OPEN");

        clock.set(Instant.parse(a.path("closesAt").asString()));
        assertThat(deadlines.closeDue()).isGreaterThanOrEqualTo(1);
        assertThat(auctionStatus(id)).isEqualTo("AWARDED");
        assertThat(ordersOf(listing.get("bidder2"))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT unit_price FROM mall_order WHERE listing_id = :l").param("l", UUID.fromString(listing.get("bidder2")))
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("4790.00");
        assertThat(closedEntries("mall.reverse-auction.closed", id)).isEqualTo(1);

        // idempotent: the next run, and the next read, close nothing again
        deadlines.closeDue();
        assertThat(api.get("/api/v1/mall/reverse-auctions/" + id, null).json().path("status").asString()).isEqualTo("AWARDED");
        assertThat(ordersOf(listing.get("bidder2"))).isEqualTo(1);
        assertThat(closedEntries("mall.reverse-auction.closed", id)).isEqualTo(1);
    }

    @Test
    void theSweepClosesAGroupPurchaseAtItsDeadline_eachBuyerWithItsOrder() {
        clock.set(START.plus(Duration.ofDays(56)));
        Map<String, String> listing = new HashMap<>();
        String category = stocked(listing);
        JsonNode g = groupPurchaseByTheCentre(category);
        String id = g.path("id").asString();
        for (String buyer : new String[] {"tenderee", "tenderee2"}) {
            ApiClient.Response r = api.post("/api/v1/mall/group-purchases/" + id + "/members", ApiClient.json(Map.of("quantity", 20)),
                    token(buyer));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        clock.set(Instant.parse(g.path("joinUntil").asString()));
        Map<String, String> prices = Map.of("bidder1", "4700.00", "bidder2", "4720.00", "bidder4", "4690.00");
        prices.forEach((supplier, price) -> {
            ApiClient.Response r = api.post("/api/v1/mall/group-purchases/" + id + "/quotes", ApiClient.json(Map.of("listingId",
                    listing.get(supplier), "unitPrice", price)), token(supplier));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        });

        clock.set(Instant.parse(g.path("closesAt").asString()));
        deadlines.closeDue();
        assertThat(jdbc.sql("SELECT status FROM mall_group_purchase WHERE id = :id").param("id", UUID.fromString(id)).query(String.class)
                .single()).isEqualTo("AWARDED");
        assertThat(jdbc.sql("SELECT COUNT(order_id) FROM mall_group_member WHERE group_id = :id").param("id", UUID.fromString(id))
                .query(Long.class).single()).isEqualTo(2);
        assertThat(ordersOf(listing.get("bidder4"))).isEqualTo(2);
        deadlines.closeDue();
        assertThat(ordersOf(listing.get("bidder4"))).isEqualTo(2);
        assertThat(closedEntries("mall.group-purchase.closed", id)).isEqualTo(1);
    }

    /**
     * The sweep and a reader close the same auction at the same moment: both are made to wait on the auction's row (a
     * third transaction holds it) until both are at the lock, then let go together. One closes it; the other finds it
     * closed. One order, one audit entry, no error.
     */
    @Test
    void twoClosesOfTheSameAuctionAtOnce_makeOneOrder() throws Exception {
        clock.set(START.plus(Duration.ofDays(70)));
        Map<String, String> listing = new HashMap<>();
        JsonNode a = auctionWithThreeBids(listing);
        String id = a.path("id").asString();
        clock.set(Instant.parse(a.path("closesAt").asString()));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try (Connection holder = databaseAdministrator(); Connection watcher = databaseAdministrator()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM mall_reverse_auction WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, UUID.fromString(id));
                lock.executeQuery().close();
            }
            Future<Integer> sweep = two.submit(() -> auctions.closeDue());
            Future<String> reader = two.submit(() -> auctions.find(UUID.fromString(id), null).orElseThrow().status().name());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (waitingOnTheAuction(watcher) < 2) {
                assertThat(System.nanoTime()).as("both closes wait on the auction's row").isLessThan(deadline);
                Thread.sleep(20);
            }
            holder.commit();
            sweep.get(30, TimeUnit.SECONDS);
            assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo("AWARDED");
        } finally {
            two.shutdownNow();
        }
        assertThat(auctionStatus(id)).isEqualTo("AWARDED");
        assertThat(ordersOf(listing.get("bidder2"))).isEqualTo(1);
        assertThat(closedEntries("mall.reverse-auction.closed", id)).isEqualTo(1);
    }

    /**
     * How many sessions wait for a lock in a statement on the auctions' table (asked outside the holder's transaction,
     * which would see a snapshot of the activity taken at its first look).
     */
    private static int waitingOnTheAuction(Connection c) throws Exception {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT COUNT(*) FROM pg_stat_activity
                 WHERE wait_event_type = 'Lock' AND query LIKE '%mall_reverse_auction%' AND pid <> pg_backend_pid()""")) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
