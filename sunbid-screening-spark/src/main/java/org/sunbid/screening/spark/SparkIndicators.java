package org.sunbid.screening.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.sunbid.screening.cardinal.Engine;
import org.sunbid.screening.cardinal.Fold;
import org.sunbid.screening.cardinal.JacksonProcessReader;
import org.sunbid.screening.cardinal.MalformedLineException;
import org.sunbid.screening.cardinal.Output;
import org.sunbid.screening.cardinal.ProcessReader;
import scala.Tuple2;

/**
 * Cardinal's {@code indicators} over JSON lines on Spark, with {@code sunbid-screening}'s own indicator code: each
 * partition's lines parsed by the CLI's reader and folded into a {@link Fold} of the {@link Engine}
 * ({@code mapPartitions}), the folds merged ({@code fold}; merging is commutative and associative, so the order the
 * partitions finish in does not matter) and the merged fold finished with the settings on the driver. The engine
 * travels to the executors with the task (Java serialization); one fold per partition comes back, holding only what
 * the final step needs.
 */
public final class SparkIndicators {

    /** How many invalid lines are named (file, line number, reason); the rest are only counted. */
    static final int NAMED_INVALID_LINES = 20;

    private SparkIndicators() {
    }

    /**
     * The indicators over the lines of {@code files} (from {@link JsonLines#files}). Lines that are not JSON are left
     * out of the fold and reported in the result; the caller decides whether that fails the run (the CLI's default) or
     * only warns ({@code --skip-invalid}, Cardinal's behaviour).
     */
    public static Result run(JavaSparkContext spark, Engine engine, List<String> files) {
        return run(spark, engine, files, false);
    }

    /**
     * As {@link #run(JavaSparkContext, Engine, List)}; with {@code compile}, the lines are OCDS releases (several per
     * process, as in the platform's daily export), compiled per ocid ({@link ReleaseCompiler}, a shuffle by ocid)
     * before the indicators read them; a compiled release takes the position of its process's first release.
     */
    public static Result run(JavaSparkContext spark, Engine engine, List<String> files, boolean compile) {
        ProcessReader.factory(); // the CLI's reader: the class named by sunbid.screening.reader, checked here
        String reader = System.getProperty(ProcessReader.PROPERTY);
        JavaRDD<Part> parts = compile
                ? compiled(spark, files).mapPartitions(lines -> {
                    Folding folding = new Folding(engine, reader);
                    while (lines.hasNext()) {
                        JsonLines.Line line = lines.next();
                        folding.accept(line.bytes(), line.bytes().length, line.seq());
                    }
                    return List.of(folding.result()).iterator();
                })
                : JsonLines.foldPartitions(spark, files, () -> new Folding(engine, reader));
        Part all = parts.fold(new Part(engine.newFold()), Part::merge);
        List<InvalidLine> named = name(spark, files, all.invalid);
        return new Result(engine.finish(all.fold), all.fold.processes(), named, all.invalidLines);
    }

    /**
     * The result of a run.
     *
     * @param output       the indicators' results, meta block and the final step's warnings
     * @param processes    the number of processes read (including those the indicators skip)
     * @param invalidLines the first {@value #NAMED_INVALID_LINES} lines that are not JSON, in input order
     * @param invalidCount how many lines are not JSON
     */
    public record Result(Output output, long processes, List<InvalidLine> invalidLines, long invalidCount) {
    }

    /**
     * A line that is not JSON.
     *
     * @param file   the file, as {@link JsonLines#files} names it
     * @param line   its 1-based line number in the file
     * @param reason why it is not JSON
     */
    public record InvalidLine(String file, long line, String reason) {
    }

    /** The compiled release of each process, at its first release's position; lines without an ocid as they are. */
    static JavaRDD<JsonLines.Line> compiled(JavaSparkContext spark, List<String> files) {
        return JsonLines.lines(spark, files).mapToPair(line -> {
            String ocid = ReleaseCompiler.ocid(line.bytes());
            return new Tuple2<>(ocid == null ? NO_OCID + line.seq() : ocid, line);
        }).groupByKey().map(group -> {
            List<JsonLines.Line> releases = new ArrayList<>();
            group._2().forEach(releases::add);
            if (group._1().startsWith(NO_OCID)) {
                return releases.get(0);
            }
            releases.sort(Comparator.comparingLong(JsonLines.Line::seq));
            return new JsonLines.Line(releases.get(0).seq(),
                    ReleaseCompiler.compile(releases.stream().map(JsonLines.Line::bytes).toList()));
        });
    }

    /** The key of a line without an ocid: a group of its own. */
    private static final String NO_OCID = "\u0000";

    private static List<InvalidLine> name(JavaSparkContext spark, List<String> files, List<Invalid> invalid) {
        Map<String, List<Invalid>> byFile = new LinkedHashMap<>();
        for (Invalid i : invalid) {
            byFile.computeIfAbsent(JsonLines.file(files, i.seq()), f -> new ArrayList<>()).add(i);
        }
        List<InvalidLine> named = new ArrayList<>();
        for (Map.Entry<String, List<Invalid>> e : byFile.entrySet()) {
            long[] offsets = e.getValue().stream().mapToLong(i -> JsonLines.offset(i.seq())).toArray();
            long[] lines;
            try {
                lines = JsonLines.lineNumbers(spark.hadoopConfiguration(), e.getKey(), offsets);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
            for (int k = 0; k < lines.length; k++) {
                named.add(new InvalidLine(e.getKey(), lines[k], e.getValue().get(k).reason()));
            }
        }
        return List.copyOf(named);
    }

    /** A line that is not JSON, as a partition finds it. */
    record Invalid(long seq, String reason) implements Serializable {
    }

    /** What a partition sends back: its fold and its first invalid lines. */
    static final class Part implements Serializable {
        final Fold fold;
        final ArrayList<Invalid> invalid = new ArrayList<>();
        long invalidLines;

        Part(Fold fold) {
            this.fold = fold;
        }

        void invalid(long seq, String reason) {
            invalidLines++;
            if (invalid.size() < NAMED_INVALID_LINES) {
                invalid.add(new Invalid(seq, reason));
            }
        }

        /** Merges {@code other} into this: the first lines in input order stay named, whatever the merge order. */
        Part merge(Part other) {
            fold.merge(other.fold);
            invalid.addAll(other.invalid);
            invalid.sort(Comparator.comparingLong(Invalid::seq));
            while (invalid.size() > NAMED_INVALID_LINES) {
                invalid.remove(invalid.size() - 1);
            }
            invalidLines += other.invalidLines;
            return this;
        }
    }

    /**
     * One partition: each line parsed with the CLI's reader and folded. The reader is the class the driver's
     * {@code sunbid.screening.reader} property names (an executor is another JVM), else the CLI's default,
     * {@link org.sunbid.screening.read.FastProcessReader} (so an invalid line is reported in the CLI's words).
     */
    private static final class Folding implements JsonLines.PartitionFolder<Part> {
        private final ProcessReader reader;
        private final Part part;

        Folding(Engine engine, String readerClass) throws ReflectiveOperationException {
            this.reader = readerClass == null || readerClass.isBlank() ? new org.sunbid.screening.read.FastProcessReader()
                    : Class.forName(readerClass.strip()).asSubclass(ProcessReader.class).getConstructor().newInstance();
            this.part = new Part(engine.newFold());
        }

        @Override
        public void accept(byte[] buffer, int length, long seq) {
            try {
                part.fold.add(reader.read(buffer, 0, length, seq));
            } catch (MalformedLineException e) {
                part.invalid(seq, e.getMessage());
            }
        }

        @Override
        public Part result() {
            return part;
        }
    }
}
