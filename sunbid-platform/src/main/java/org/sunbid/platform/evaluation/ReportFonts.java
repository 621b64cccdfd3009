package org.sunbid.platform.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sunbid.platform.kernel.DomainException;

/**
 * The document's fonts, loaded when first needed (a fallback font only when a character needs it), and which of
 * them draws each character.
 */
final class ReportFonts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReportFonts.class);

    private final PDDocument doc;
    private final List<Source> sources;
    private final List<PDType0Font> loaded = new ArrayList<>();
    private final List<TrueTypeCollection> collections = new ArrayList<>();
    private final Map<Integer, Integer> choice = new HashMap<>();

    ReportFonts(PDDocument doc, List<Source> sources) throws IOException {
        this.doc = doc;
        this.sources = sources;
        for (int i = 0; font(i) == null; i++) {
            if (i == sources.size() - 1) {
                throw new DomainException(EvaluationError.REPORT_FONT_MISSING, sources.get(0).toString());
            }
        }
    }

    /** The i-th font, loaded now if not yet; null if it cannot be loaded (then the next one is used). */
    private PDType0Font font(int i) {
        while (loaded.size() <= i) {
            Source source = sources.get(loaded.size());
            PDType0Font font = null;
            try {
                font = load(source);
            } catch (IOException | RuntimeException e) {
                if (source.required()) {
                    throw new DomainException(EvaluationError.REPORT_FONT_MISSING, source.toString());
                }
                log.warn("report font {} cannot be used: {}", source, e.toString());
            }
            loaded.add(font);
        }
        return loaded.get(i);
    }

    private PDType0Font load(Source source) throws IOException {
        if (source.resource() != null) {
            try (InputStream in = ReportPdf.class.getClassLoader().getResourceAsStream(source.resource())) {
                if (in == null) {
                    throw new IOException("no resource " + source.resource());
                }
                return PDType0Font.load(doc, in);
            }
        }
        if (source.file().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(source.file().toFile());
            collections.add(collection);
            AtomicReference<TrueTypeFont> first = new AtomicReference<>();
            collection.processAllFonts(f -> first.compareAndSet(null, f));
            return PDType0Font.load(doc, first.get(), true);
        }
        return PDType0Font.load(doc, source.file().toFile());
    }

    /** The index of the first font with a glyph for the code point, or -1. */
    int fontFor(int codePoint) {
        return choice.computeIfAbsent(codePoint, cp -> {
            String s = new String(Character.toChars(cp));
            for (int i = 0; i < sources.size(); i++) {
                PDType0Font font = font(i);
                if (font != null && has(font, s)) {
                    return i;
                }
            }
            return -1;
        });
    }

    private static boolean has(PDType0Font font, String s) {
        try {
            font.encode(s);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** The text cut into runs that one font draws each; a character no font has is drawn as "?". */
    List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentFont = -1;
        for (int cp : text.codePoints().toArray()) {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                cp = ' ';
            }
            int f = fontFor(cp);
            if (f < 0) {
                cp = '?';
                f = fontFor(cp);
            }
            if (f != currentFont && current.length() > 0) {
                runs.add(new Run(loaded.get(currentFont), current.toString()));
                current.setLength(0);
            }
            currentFont = f;
            current.appendCodePoint(cp);
        }
        if (current.length() > 0) {
            runs.add(new Run(loaded.get(currentFont), current.toString()));
        }
        return runs;
    }

    float width(String text, float size) throws IOException {
        float width = 0;
        for (Run run : runs(text)) {
            width += run.font().getStringWidth(run.text()) / 1000 * size;
        }
        return width;
    }

    /** Closes the font collections once the document (and its font subsets) is written. */
    @Override
    public void close() throws IOException {
        for (TrueTypeCollection collection : collections) {
            collection.close();
        }
    }

    /**
     * A font file (TrueType, OpenType with glyf outlines, or the first font of a TrueType collection) or a resource;
     * a required one (the configured font) fails the report if it cannot be used, the others are skipped.
     */
    record Source(Path file, String resource, boolean required) {

        @Override
        public String toString() {
            return file != null ? file.toString() : "classpath:" + resource;
        }
    }

    /** A stretch of text drawn with one font. */
    record Run(PDType0Font font, String text) {
    }
}
