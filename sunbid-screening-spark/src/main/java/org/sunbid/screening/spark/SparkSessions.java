package org.sunbid.screening.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * How the screening gets its {@link SparkSession}: the master given on the command line, else the one spark-submit set
 * (the {@code spark.master} property), else {@code local[*]} (every core of this machine). A local session binds to the
 * loopback address and runs without the web UI: a screening on one machine needs neither a resolvable host name nor a
 * port open to the network.
 */
public final class SparkSessions {

    /** The master when none is given: every core of this machine. */
    public static final String DEFAULT_MASTER = "local[*]";

    private SparkSessions() {
    }

    /** The master to use: {@code requested} if given, else spark-submit's, else {@link #DEFAULT_MASTER}. */
    public static String master(String requested) {
        if (requested != null && !requested.isBlank()) {
            return requested;
        }
        return new SparkConf().get("spark.master", DEFAULT_MASTER); // SparkConf reads spark-submit's spark.* properties
    }

    /** A new or the running session on {@code master} (see {@link #master(String)} for null). */
    public static SparkSession open(String master) {
        String m = master(master);
        SparkSession.Builder builder = SparkSession.builder().appName("sunbid-screening").master(m);
        if (m.startsWith("local")) {
            builder.config("spark.ui.enabled", "false")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1");
        }
        return builder.getOrCreate();
    }
}
