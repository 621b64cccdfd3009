package org.sunbid.platform.kernel;

import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * Run in a child JVM by {@link EmbeddedPostgresServerIT}: starts the embedded server on a directory, writes a row,
 * says READY and waits to be killed, like a Sunbid process that dies with {@code kill -9}.
 */
public final class PostgresHolder {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), Path.of(args[1]), 0);
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.superuser(), server.superuserPassword());
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS survivor (note TEXT)");
            statement.execute("INSERT INTO survivor VALUES ('" + args[2] + "')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
