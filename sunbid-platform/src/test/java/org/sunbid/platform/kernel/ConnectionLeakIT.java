package org.sunbid.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;

import com.zaxxer.hikari.HikariDataSource;

/**
 * No request keeps a database connection after it answers. A JdbcClient {@code query(..).stream()} outside a
 * transaction holds its connection until the stream is closed; one such route leaked a connection per request and,
 * 20 requests later, left every page of the platform waiting for the pool (issue 15's project list). Each route here is
 * asked more often than the pool has connections, so a leak fails the test.
 */
class ConnectionLeakIT extends PlatformIT {

    @Autowired
    DataSource dataSource;

    @Test
    void listingRoutesGiveTheirConnectionsBack() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        int size = pool.getMaximumPoolSize();
        ApiClient api = new ApiClient(baseUrl());
        String agency = api.token("agency");
        String supervisor = api.token("supervisor");
        List<String[]> routes = List.of(new String[] {"/api/v1/projects", agency},
                new String[] {"/api/v1/projects?kind=ZFCG", supervisor}, new String[] {"/api/v1/procedures", null},
                new String[] {"/api/v1/tenders", agency}, new String[] {"/api/v1/supervision/flags", supervisor});
        for (String[] route : routes) {
            for (int i = 0; i <= size; i++) {
                ApiClient.Response r = api.get(route[0], route[1]);
                assertThat(r.status()).as(route[0] + " #" + i + ": " + r.body()).isEqualTo(200);
            }
        }
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections still held").isLessThan(size / 2);
    }
}
