package org.sunbid.screening.spark;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.sunbid.screening.cardinal.Engine;
import org.sunbid.screening.cardinal.Group;
import org.sunbid.screening.cardinal.Indicator;
import org.sunbid.screening.cardinal.Output;
import org.sunbid.screening.cardinal.Settings;
import org.sunbid.screening.cardinal.SettingsException;

/**
 * The command line of the Spark screening: {@code sunbid-screening}'s {@code indicators} (Cardinal's) with a Spark
 * master and any number of inputs.
 *
 * <p>INPUT: JSON-lines files (gzip too), directories (recursively) or globs, on any file system Spark reads. The JSON
 * goes to standard output, warnings and Spark's own messages to standard error. Exit codes as the CLI's: 0 done; 1 an
 * invalid input line (file and line number on standard error) or a failed run; 2 a usage error, a missing input or a
 * bad settings file. Run it with {@code java @sunbid-screening-spark/target/sunbid-screening-spark.args indicators ...} or with
 * spark-submit (README).
 */
public final class SparkScreening {

    static final String USAGE = """
            Usage: sunbid-screening-spark indicators [OPTIONS] INPUT...

            Calculate Cardinal's procurement indicators on Apache Spark from OCDS compiled releases in JSON-lines
            files (gzip too), directories (read recursively) or globs, on any file system Spark reads. Prints the
            same JSON object as sunbid-screening's CLI: keyed by OCID, Buyer, ProcuringEntity, Tenderer and, unless
            --no-meta, Meta (the quartiles and fences used).

            Options:
                  --master URL      the Spark master (default: spark-submit's, else local[*], every core here)
              -s, --settings FILE   Cardinal's settings file (INI); each [R0xx] section enables an indicator
                  --no-meta         leave out the "Meta" key
              -c, --count           print the number of results per group to standard error
                  --compile         the lines are OCDS releases, several per process (the platform's daily
                                    export): compile them per ocid (OCDS merge) before screening
                  --skip-invalid    warn about and skip invalid JSON lines (as Cardinal does) instead of failing
              -h, --help            print this help
            """;

    private static final String WARN = " WARN  sunbid-screening > ";

    private SparkScreening() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * A parsed command line.
     *
     * @param master      the Spark master, {@code null} for spark-submit's or {@code local[*]}
     * @param settings    the settings file, {@code null} for none (no indicator enabled, as in Cardinal)
     * @param meta        print the {@code Meta} block
     * @param count       print the number of results per group to standard error
     * @param skipInvalid skip invalid lines with a warning instead of failing
     * @param compile     the lines are releases: compile them per ocid first
     * @param inputs      the inputs, at least one
     */
    record Command(String master, String settings, boolean meta, boolean count, boolean skipInvalid,
                   boolean compile, List<String> inputs) {

        /** The command line, or {@code null} for help. */
        static Command parse(String... args) {
            if (args.length == 0) {
                throw new UsageException("a subcommand is required: indicators");
            }
            if (args[0].equals("-h") || args[0].equals("--help")) {
                return null;
            }
            if (!args[0].equals("indicators")) {
                throw new UsageException("unrecognized subcommand '" + args[0] + "'");
            }
            String master = null;
            String settings = null;
            boolean meta = true;
            boolean count = false;
            boolean skipInvalid = false;
            boolean compile = false;
            List<String> inputs = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                String inline = null;
                if (a.startsWith("--") && a.contains("=")) {
                    inline = a.substring(a.indexOf('=') + 1);
                    a = a.substring(0, a.indexOf('='));
                }
                switch (a) {
                    case "--no-meta" -> meta = false;
                    case "-c", "--count" -> count = true;
                    case "--skip-invalid" -> skipInvalid = true;
                    case "--compile" -> compile = true;
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "-s", "--settings", "--master" -> {
                        String value = inline;
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new UsageException("a value is required for '" + a + "'");
                            }
                            value = args[++i];
                        }
                        if (a.equals("--master")) {
                            master = value;
                        } else {
                            settings = value;
                        }
                    }
                    default -> {
                        if (a.equals("-")) {
                            throw new UsageException("Spark does not read standard input: name files or directories");
                        }
                        if (a.startsWith("-")) {
                            throw new UsageException("unexpected argument '" + args[i] + "'");
                        }
                        inputs.add(args[i]);
                    }
                }
            }
            if (inputs.isEmpty()) {
                throw new UsageException("the following required argument was not provided: INPUT");
            }
            return new Command(master, settings, meta, count, skipInvalid, compile, List.copyOf(inputs));
        }
    }

    /** A wrong command line. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** A run that ends with an error message and an exit code. */
    static final class Failure extends Exception {
        final int code;

        Failure(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** Runs the command line in a session of its own, stopped at the end; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Command command;
        try {
            command = Command.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.println("Usage: sunbid-screening-spark indicators [OPTIONS] INPUT...");
            err.println();
            err.println("For more information, try '--help'.");
            return 2;
        }
        if (command == null) {
            out.print(USAGE);
            return 0;
        }
        Engine engine;
        try {
            engine = engine(command);
        } catch (Failure e) {
            err.println("error: " + e.getMessage());
            return e.code;
        }
        SparkSession spark = SparkSessions.open(command.master());
        try {
            return indicators(spark, engine, command, out, err);
        } catch (RuntimeException e) { // a file that went away, a lost executor ...: Spark logged the details
            err.println("error: the run failed: " + e);
            return 1;
        } finally {
            spark.stop();
        }
    }

    /** The engine with the command's settings (read here, on the driver). */
    static Engine engine(Command command) throws Failure {
        if (command.settings() == null) {
            return new Engine(Settings.empty());
        }
        Path path = Path.of(command.settings());
        // Like the CLI and Cardinal (config's File::with_name), a name without its .ini extension finds NAME.ini.
        if (!Files.exists(path) && Files.isRegularFile(Path.of(command.settings() + ".ini"))) {
            path = Path.of(command.settings() + ".ini");
        }
        String invalid = "invalid value '" + command.settings() + "' for '--settings': ";
        try {
            if (Files.isDirectory(path)) {
                throw new Failure(2, command.settings() + ": Is a directory, not a file");
            }
            return new Engine(Settings.read(path));
        } catch (NoSuchFileException e) {
            throw new Failure(2, invalid + "No such file or directory");
        } catch (IOException e) {
            throw new Failure(2, invalid + e.getMessage());
        } catch (SettingsException e) {
            throw new Failure(2, invalid + e.getMessage());
        }
    }

    /**
     * Runs the indicators of {@code command} in {@code spark} (left running) and prints the result; returns the exit
     * code.
     */
    static int indicators(SparkSession spark, Engine engine, Command command, PrintStream out, PrintStream err) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> files;
        try {
            files = JsonLines.files(context.hadoopConfiguration(), command.inputs());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        SparkIndicators.Result result;
        try {
            result = SparkIndicators.run(context, engine, files, command.compile());
        } catch (IllegalArgumentException e) { // a reader class that is not one
            err.println("error: " + e.getMessage());
            return 2;
        }
        boolean oneFile = files.size() == 1;
        if (result.invalidCount() > 0 && !command.skipInvalid()) {
            SparkIndicators.InvalidLine first = result.invalidLines().get(0);
            err.println("error: " + (oneFile ? "" : first.file() + ": ") + "line " + first.line()
                    + " is invalid JSON: " + first.reason());
            return 1;
        }
        for (SparkIndicators.InvalidLine line : result.invalidLines()) {
            err.println(WARN + (oneFile ? "" : line.file() + ": ") + "Line " + line.line()
                    + " is invalid JSON, skipping. [" + line.reason() + "]");
        }
        if (result.invalidCount() > result.invalidLines().size()) {
            err.println(WARN + (result.invalidCount() - result.invalidLines().size())
                    + " more lines are invalid JSON, skipped");
        }
        Output output = result.output();
        for (String w : output.warnings()) {
            err.println(WARN + w);
        }
        out.print(output.toJson(command.meta()));
        out.print('\n');
        out.flush();
        if (command.count()) {
            for (Map.Entry<Group, Map<String, Map<Indicator, Double>>> g : output.results().entrySet()) {
                err.println(g.getKey().name() + ": " + g.getValue().size());
            }
        }
        return 0;
    }
}
