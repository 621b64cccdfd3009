package org.sunbid.screening.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local Spark session (two cores, as on CI) for every test class of the module: starting Spark takes seconds, so it
 * is started once per test JVM and stopped by Spark's own shutdown hook.
 */
final class TestSpark {

    private static SparkSession session;

    private TestSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSessions.open("local[2]");
        }
        return session;
    }
}
