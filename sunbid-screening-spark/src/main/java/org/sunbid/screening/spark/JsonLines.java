package org.sunbid.screening.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * The lines of OCDS JSON-lines inputs as one distributed collection: files, directories (read recursively, so a
 * folder per region or per year works) and globs, on any file system Spark reads ({@code file:}, {@code hdfs:},
 * {@code s3a:} ...). Gzip files ({@code .jsonl.gz}, the platform's daily export) are read as they are. Hidden files
 * and those starting with {@code _} (Spark's and Hadoop's markers) are skipped.
 */
public final class JsonLines {

    private JsonLines() {
    }

    /**
     * Every line of every input, in partitions of at most {@code spark.sql.files.maxPartitionBytes} (128 MB).
     *
     * @throws IllegalArgumentException if there is no input, or an input (a glob: all it matches) does not exist
     */
    public static JavaRDD<String> of(SparkSession spark, List<String> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input");
        }
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        for (String input : inputs) {
            if (!exists(input, hadoop)) {
                throw new IllegalArgumentException(input + ": no such file or directory");
            }
        }
        return spark.read().option("recursiveFileLookup", "true").textFile(inputs.toArray(String[]::new)).javaRDD();
    }

    private static boolean exists(String input, Configuration hadoop) {
        Path path = new Path(input);
        try {
            FileStatus[] matches = path.getFileSystem(hadoop).globStatus(path);
            return matches != null && matches.length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(input + ": " + e.getMessage(), e);
        }
    }
}
