package org.sunbid.platform.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.PlatformIT;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A tender read takes one connection, however many nested reads build the tender. The surge benchmark found 64
 * bidders uploading at once hanging for the pool's timeout: each read of a tender held its connection while the row
 * mapper's nested queries (lots, clarifications, objections, suspensions) each took another, so as many concurrent
 * readers as the pool has connections held it all and waited on each other. Here every connection but one is held
 * elsewhere: the reads must still complete on the one left.
 */
class TenderReadsIT extends PlatformIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Tenders tenders;

    @Test
    void aTenderAndAListAreReadOnOneConnection() throws Exception {
        UUID id = jdbc.sql("SELECT id FROM tender WHERE status = 'PUBLISHED' AND deleted_at IS NULL ORDER BY created_at LIMIT 1")
                .query(UUID.class).single();
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        try {
            // wait for the pool to be idle, then hold every connection but one
            for (int i = 0; i < 100 && pool.getHikariPoolMXBean().getActiveConnections() > 0; i++) {
                Thread.sleep(50);
            }
            for (int i = 0; i < pool.getMaximumPoolSize() - 1; i++) {
                held.add(dataSource.getConnection());
            }
            CompletableFuture<Integer> reads = CompletableFuture.supplyAsync(() -> {
                assertThat(tenders.find(id)).isPresent();
                return tenders.published(50).size();
            });
            // without one connection per read, this waits for the pool's timeout (30 s) and fails
            assertThat(reads.get(20, TimeUnit.SECONDS)).isPositive();
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }
}
