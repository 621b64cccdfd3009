package org.sunbid.screening.cardinal;

import java.util.function.Supplier;

/**
 * Turns one line of OCDS JSON (UTF-8 bytes, no line terminator) into a {@link Process}.
 *
 * <p>An implementation need not be thread-safe: each worker thread (or Spark partition) makes its own through a
 * factory such as {@code JacksonProcessReader::new}. A faster parser plugs in here; it must give the same
 * {@link Process} as {@link JacksonProcessReader} for every line.
 */
public interface ProcessReader {

    /**
     * Reads one line.
     *
     * @param line   buffer holding the line
     * @param offset start of the line in the buffer
     * @param length length of the line in bytes (without {@code \n}; a trailing {@code \r} is whitespace)
     * @param seq    the line's position in the input, see {@link Process#seq()}
     * @return the process, or {@code null} when the line is blank or its JSON value is not an object (Cardinal skips
     * those silently)
     * @throws MalformedLineException when the line is not one JSON value
     */
    Process read(byte[] line, int offset, int length, long seq) throws MalformedLineException;

    /** System property naming a {@code ProcessReader} class (public, no-arg constructor) for the CLI to use. */
    String PROPERTY = "sunbid.screening.reader";

    /**
     * A factory of readers, one per thread: the class named by the system property {@value #PROPERTY} if set, else
     * {@link JacksonProcessReader}.
     *
     * @throws IllegalArgumentException when the named class is missing or is not a {@code ProcessReader}
     */
    static Supplier<ProcessReader> factory() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isBlank()) return JacksonProcessReader::new;
        try {
            Class<? extends ProcessReader> type = Class.forName(name.strip()).asSubclass(ProcessReader.class);
            var constructor = type.getConstructor();
            constructor.newInstance(); // fail now rather than in a worker
            return () -> {
                try {
                    return constructor.newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(PROPERTY + "=" + name + " is not a ProcessReader with a public no-arg "
                    + "constructor: " + e);
        }
    }
}
