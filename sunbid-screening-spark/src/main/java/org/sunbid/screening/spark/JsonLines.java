package org.sunbid.screening.spark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * OCDS JSON-lines inputs read by Spark, each partition (a slice of one file) handed line by line to a
 * {@link PartitionFolder} that turns it into one value. Inputs are files, directories (read recursively, so a folder per
 * region or per year works) and globs, on any file system Spark reads ({@code file:}, {@code hdfs:}, {@code s3a:} ...);
 * gzip files ({@code .jsonl.gz}, the platform's daily export) are read as they are. In a directory, names starting with
 * {@code .} or {@code _} (Hadoop's and Spark's markers) are skipped.
 *
 * <p>Lines end at {@code \n} only, as for the CLI (a {@code \r} before it stays in the line, where the JSON reader takes
 * it for whitespace). Each line gets the position a sequential reader would give it: {@code seq = fileIndex · 2^40 +
 * byte offset}, files numbered in the order of the inputs (a directory's files by path), each file once. For one file
 * that is its byte offset, what the CLI uses. Up to 2^23 files of up to 1 TiB each (uncompressed).
 */
public final class JsonLines {

    /** Bits of {@code seq} that hold the byte offset within a file. */
    static final int OFFSET_BITS = 40;

    private JsonLines() {
    }

    /**
     * What one partition does with its lines: takes each line, then gives one result. One instance per partition,
     * used by one thread.
     *
     * @param <T> the result of a partition
     */
    public interface PartitionFolder<T> {

        /**
         * One line: {@code length} bytes from the start of {@code buffer}, without the line terminator; the buffer is
         * reused for the next line.
         */
        void accept(byte[] buffer, int length, long seq) throws Exception;

        /** The partition's result, after its last line. */
        T result();
    }

    /** Makes the {@link PartitionFolder} of a partition, on the executor. */
    @FunctionalInterface
    public interface PartitionFolders<T> extends Serializable {

        PartitionFolder<T> newFolder() throws Exception;
    }

    /**
     * The files of {@code inputs}, fully qualified, in reading order, each once.
     *
     * @throws IllegalArgumentException if an input matches nothing or names a hidden file itself
     */
    public static List<String> files(Configuration hadoop, List<String> inputs) {
        Set<String> files = new LinkedHashSet<>();
        for (String input : inputs) {
            Path path = new Path(input);
            try {
                FileSystem fs = path.getFileSystem(hadoop);
                FileStatus[] matches = fs.globStatus(path);
                if (matches == null || matches.length == 0) {
                    throw new IllegalArgumentException(input + ": No such file or directory");
                }
                Arrays.sort(matches, Comparator.comparing(FileStatus::getPath));
                for (FileStatus match : matches) {
                    if (!match.isDirectory() && hidden(match.getPath())) {
                        throw new IllegalArgumentException(input + ": a name starting with . or _ is not read as input");
                    }
                    collect(fs, match, files);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(input + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(files);
    }

    private static void collect(FileSystem fs, FileStatus status, Set<String> files) throws IOException {
        if (!status.isDirectory()) {
            files.add(status.getPath().toString());
            return;
        }
        FileStatus[] children = fs.listStatus(status.getPath());
        Arrays.sort(children, Comparator.comparing(FileStatus::getPath));
        for (FileStatus child : children) {
            if (!hidden(child.getPath())) {
                collect(fs, child, files);
            }
        }
    }

    private static boolean hidden(Path path) {
        return path.getName().startsWith(".") || path.getName().startsWith("_");
    }

    /**
     * One result per partition of {@code files} (from {@link #files}): each partition's lines given to its own
     * folder. A file larger than the file system's block size is split into several partitions; a gzip file is one.
     */
    public static <T> JavaRDD<T> foldPartitions(JavaSparkContext spark, List<String> files,
                                                PartitionFolders<T> folders) {
        if (files.isEmpty()) {
            return spark.emptyRDD();
        }
        Input input = input(spark, files);
        Broadcast<Map<String, Long>> fileIndex = input.fileIndex;
        return input.lines.mapPartitionsWithInputSplit((split, partition) -> {
            String file = ((FileSplit) split).getPath().toString();
            long base = base(fileIndex.value(), file);
            PartitionFolder<T> folder = folders.newFolder();
            while (partition.hasNext()) {
                scala.Tuple2<LongWritable, Text> line = partition.next();
                folder.accept(line._2().getBytes(), line._2().getLength(), seq(base, line._1().get(), file));
            }
            return List.of(folder.result()).iterator();
        }, false);
    }

    /**
     * One line with its {@code seq}, as a value of its own (a copy of the bytes): for work that moves lines between
     * partitions, such as compiling releases by ocid.
     */
    public record Line(long seq, byte[] bytes) implements Serializable {
    }

    /** Every line of {@code files} as a {@link Line}, read lazily partition by partition. */
    public static JavaRDD<Line> lines(JavaSparkContext spark, List<String> files) {
        if (files.isEmpty()) {
            return spark.emptyRDD();
        }
        Input input = input(spark, files);
        Broadcast<Map<String, Long>> fileIndex = input.fileIndex;
        return input.lines.mapPartitionsWithInputSplit((split, partition) -> {
            String file = ((FileSplit) split).getPath().toString();
            long base = base(fileIndex.value(), file);
            return new java.util.Iterator<Line>() {
                @Override
                public boolean hasNext() {
                    return partition.hasNext();
                }

                @Override
                public Line next() {
                    scala.Tuple2<LongWritable, Text> line = partition.next();
                    return new Line(seq(base, line._1().get(), file), line._2().copyBytes());
                }
            };
        }, false);
    }

    private record Input(JavaNewHadoopRDD<LongWritable, Text> lines, Broadcast<Map<String, Long>> fileIndex) {
    }

    private static Input input(JavaSparkContext spark, List<String> files) {
        Map<String, Long> index = new HashMap<>();
        for (String file : files) {
            index.put(file, (long) index.size());
        }
        if (index.size() >= 1 << (63 - OFFSET_BITS)) {
            throw new IllegalArgumentException("too many files: " + index.size());
        }
        Job job;
        try {
            job = Job.getInstance(spark.hadoopConfiguration());
            FileInputFormat.setInputPaths(job, files.stream().map(Path::new).toArray(Path[]::new));
            job.getConfiguration().set("textinputformat.record.delimiter", "\n"); // not \r alone, as Hadoop would
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>) spark.newAPIHadoopRDD(
                job.getConfiguration(), TextInputFormat.class, LongWritable.class, Text.class);
        return new Input(lines, spark.broadcast(index));
    }

    private static long base(Map<String, Long> fileIndex, String file) {
        Long n = fileIndex.get(file);
        if (n == null) {
            throw new IllegalStateException("a split of a file not listed: " + file);
        }
        return n << OFFSET_BITS;
    }

    private static long seq(long base, long offset, String file) {
        if (offset >= 1L << OFFSET_BITS) {
            throw new IllegalArgumentException(file + " is larger than 1 TiB");
        }
        return base + offset;
    }

    /** The file (of {@code files}) that holds the line at {@code seq}. */
    public static String file(List<String> files, long seq) {
        return files.get((int) (seq >>> OFFSET_BITS));
    }

    /** The byte offset of the line at {@code seq} in its file (uncompressed). */
    public static long offset(long seq) {
        return seq & ((1L << OFFSET_BITS) - 1);
    }

    /**
     * The 1-based line numbers of the lines starting at {@code offsets} (ascending) in {@code file}: one pass over the
     * file (uncompressed as it is read) counting {@code \n} up to the last offset. For messages about a few lines.
     */
    public static long[] lineNumbers(Configuration hadoop, String file, long[] offsets) throws IOException {
        long[] lines = new long[offsets.length];
        Path path = new Path(file);
        CompressionCodec codec = new CompressionCodecFactory(hadoop).getCodec(path);
        FileSystem fs = path.getFileSystem(hadoop);
        try (InputStream raw = fs.open(path);
             InputStream in = new BufferedInputStream(codec == null ? raw : codec.createInputStream(raw), 1 << 16)) {
            long position = 0;
            long line = 1;
            for (int i = 0; i < offsets.length; i++) {
                while (position < offsets[i]) {
                    int b = in.read();
                    if (b < 0) {
                        throw new IOException(file + " ends before byte " + offsets[i]);
                    }
                    position++;
                    if (b == '\n') {
                        line++;
                    }
                }
                lines[i] = line;
            }
        }
        return lines;
    }
}
