package org.sunbid.screening.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SparkSessionsTest {

    @Test
    void theMasterGivenElseSparkSubmitsElseEveryLocalCore() {
        String before = System.getProperty("spark.master");
        try {
            System.clearProperty("spark.master");
            assertEquals("local[*]", SparkSessions.master(null));
            assertEquals("local[*]", SparkSessions.master(" "));
            System.setProperty("spark.master", "yarn"); // what spark-submit --master yarn sets
            assertEquals("yarn", SparkSessions.master(null));
            assertEquals("spark://master:7077", SparkSessions.master("spark://master:7077"));
        } finally {
            if (before == null) {
                System.clearProperty("spark.master");
            } else {
                System.setProperty("spark.master", before);
            }
        }
    }
}
