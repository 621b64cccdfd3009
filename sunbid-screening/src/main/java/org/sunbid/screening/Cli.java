package org.sunbid.screening;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.Map;
import org.sunbid.screening.cardinal.Engine;
import org.sunbid.screening.cardinal.Fold;
import org.sunbid.screening.cardinal.Group;
import org.sunbid.screening.cardinal.Indicator;
import org.sunbid.screening.cardinal.InvalidLineException;
import org.sunbid.screening.cardinal.LineFolder;
import org.sunbid.screening.cardinal.Output;
import org.sunbid.screening.cardinal.ProcessReader;
import org.sunbid.screening.cardinal.Settings;
import org.sunbid.screening.cardinal.SettingsException;

/**
 * The command line: {@code java -jar sunbid-screening.jar indicators [--no-meta] [--settings FILE] INPUT.jsonl}
 * prints Cardinal's JSON for the OCDS compiled releases in INPUT ({@code -} for standard input).
 *
 * <p>Exit codes: 0 done; 1 an invalid input line (its number is on standard error); 2 a usage error, a missing or
 * unreadable input file or a bad settings file.
 */
public final class Cli {

    static final String USAGE = """
            Usage: sunbid-screening indicators [OPTIONS] FILE

            Calculate Cardinal's procurement indicators from OCDS compiled releases in a JSON-lines file
            (or "-" for standard input). Prints a JSON object keyed by OCID, Buyer, ProcuringEntity, Tenderer
            and, unless --no-meta, Meta (the quartiles and fences used).

            Options:
              -s, --settings FILE   Cardinal's settings file (INI); each [R0xx] section enables an indicator
                  --no-meta         leave out the "Meta" key
              -c, --count           print the number of results per group to standard error
                  --threads N       worker threads (default: all processors)
                  --skip-invalid    warn about and skip invalid JSON lines (as Cardinal does) instead of failing
              -h, --help            print this help
            """;

    private Cli() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        if (code != 0) System.exit(code);
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (!args[0].equals("indicators")) {
            return usage(err, "unrecognized subcommand '" + args[0] + "'");
        }
        boolean meta = true;
        boolean count = false;
        boolean skipInvalid = false;
        int threads = Runtime.getRuntime().availableProcessors();
        String settingsFile = null;
        String input = null;
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
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                case "-s", "--settings", "--threads" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length) return usage(err, "a value is required for '" + a + "'");
                        value = args[++i];
                    }
                    if (a.equals("--threads")) {
                        try {
                            threads = Integer.parseInt(value);
                            if (threads < 1) throw new NumberFormatException();
                        } catch (NumberFormatException e) {
                            return usage(err, "invalid value '" + value + "' for '--threads': a positive integer");
                        }
                    } else {
                        settingsFile = value;
                    }
                }
                default -> {
                    if (a.startsWith("-") && !a.equals("-")) return usage(err, "unexpected argument '" + args[i] + "'");
                    if (input != null) return usage(err, "unexpected argument '" + args[i] + "'");
                    input = a;
                }
            }
        }
        if (input == null) return usage(err, "the following required argument was not provided: FILE");

        Settings settings = Settings.empty();
        if (settingsFile != null) {
            Path path = Path.of(settingsFile);
            // Like Cardinal (config's File::with_name), a name without its .ini extension finds NAME.ini.
            if (!Files.exists(path) && Files.isRegularFile(Path.of(settingsFile + ".ini"))) {
                path = Path.of(settingsFile + ".ini");
            }
            try {
                if (Files.isDirectory(path)) return fail(err, 2, settingsFile + ": Is a directory, not a file");
                settings = Settings.read(path);
            } catch (NoSuchFileException e) {
                return fail(err, 2, "invalid value '" + settingsFile + "' for '--settings': No such file or directory");
            } catch (IOException e) {
                return fail(err, 2, "invalid value '" + settingsFile + "' for '--settings': " + message(e));
            } catch (SettingsException e) {
                return fail(err, 2, "invalid value '" + settingsFile + "' for '--settings': " + e.getMessage());
            }
        }

        Engine engine = new Engine(settings);
        java.util.function.Supplier<ProcessReader> readers;
        try {
            readers = ProcessReader.factory();
        } catch (IllegalArgumentException e) {
            return fail(err, 2, e.getMessage());
        }
        LineFolder folder = new LineFolder(engine, readers, threads, LineFolder.DEFAULT_CHUNK,
                skipInvalid, line -> err.println(" WARN  sunbid-screening > " + line));
        Fold fold;
        try {
            if (input.equals("-")) {
                fold = folder.fold(System.in);
            } else {
                Path path = Path.of(input);
                if (Files.isDirectory(path)) return fail(err, 2, input + ": Is a directory, not a file");
                fold = folder.fold(path);
            }
        } catch (NoSuchFileException e) {
            return fail(err, 2, input + ": No such file or directory");
        } catch (AccessDeniedException e) {
            return fail(err, 2, input + ": Permission denied");
        } catch (IOException | UncheckedIOException e) {
            return fail(err, 2, input + ": " + message(e));
        } catch (InvalidLineException e) {
            return fail(err, 1, e.getMessage());
        }
        Output output = engine.finish(fold);
        for (String w : output.warnings()) err.println(" WARN  sunbid-screening > " + w);
        out.print(output.toJson(meta));
        out.print('\n');
        out.flush();
        if (count) {
            for (Map.Entry<Group, Map<String, Map<Indicator, Double>>> g : output.results().entrySet()) {
                err.println(g.getKey().name() + ": " + g.getValue().size());
            }
        }
        return 0;
    }

    private static String message(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static int usage(PrintStream err, String message) {
        err.println("error: " + message);
        err.println();
        err.println("Usage: sunbid-screening indicators [OPTIONS] FILE");
        err.println();
        err.println("For more information, try '--help'.");
        return 2;
    }

    private static int fail(PrintStream err, int code, String message) {
        err.println("error: " + message);
        return code;
    }
}
