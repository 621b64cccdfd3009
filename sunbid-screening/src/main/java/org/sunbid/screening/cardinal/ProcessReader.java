package org.sunbid.screening.cardinal;

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
}
