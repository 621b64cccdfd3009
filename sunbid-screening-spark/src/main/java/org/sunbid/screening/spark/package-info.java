/**
 * The Cardinal indicators of {@code sunbid-screening} on Apache Spark, for more data than one machine should read: a
 * province screening every region's history. The same indicator code as the CLI, run the way it is built to run —
 * each partition of JSON lines parsed and folded into the indicators' accumulators, the partitions' accumulators
 * merged, the result finished with the settings on the driver — so the output is the CLI's, byte for byte.
 * {@code local[*]} by default, any Spark master with {@code --master URL} (or spark-submit's). Plain Java, no Spring.
 */
package org.sunbid.screening.spark;
