package org.sunbid.platform.evaluation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** A minimal flowing writer for the evaluation report: lines and tables that wrap and break across A4 pages. */
final class ReportWriter {

    private static final float MARGIN = 50;
    private final PDDocument doc;
    private final ReportFonts fonts;
    private PDPageContentStream out;
    private float y;

    ReportWriter(PDDocument doc, ReportFonts fonts) throws IOException {
        this.doc = doc;
        this.fonts = fonts;
        newPage();
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private float width(String s, float size) throws IOException {
        return fonts.width(s, size);
    }

    private List<String> wrap(String text, float size, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int cp : (text == null ? "" : text).codePoints().toArray()) {
            String ch = new String(Character.toChars(cp));
            if (width(line + ch, size) > max && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
        }
        lines.add(line.toString());
        return lines;
    }

    private void text(String s, float x, float atY, float size) throws IOException {
        out.beginText();
        out.newLineAtOffset(x, atY);
        for (ReportFonts.Run run : fonts.runs(s)) {
            out.setFont(run.font(), size);
            out.showText(run.text());
        }
        out.endText();
    }

    void title(String s) throws IOException {
        need(30);
        text(s, (PDRectangle.A4.getWidth() - width(s, 18)) / 2, y - 18, 18);
        y -= 34;
    }

    void heading(String s) throws IOException {
        need(40);
        y -= 6;
        text(s, MARGIN, y - 12, 12);
        y -= 20;
    }

    void line(String s, float size) throws IOException {
        for (String l : wrap(s, size, PDRectangle.A4.getWidth() - 2 * MARGIN)) {
            need(size + 4);
            text(l, MARGIN, y - size, size);
            y -= size + 4;
        }
    }

    void gap() {
        y -= 8;
    }

    void table(List<String> head, List<List<String>> rows, float[] widths) throws IOException {
        row(head, widths, true);
        for (List<String> r : rows) {
            row(r, widths, false);
        }
        y -= 6;
    }

    private void row(List<String> cells, float[] widths, boolean header) throws IOException {
        float size = 8.5f;
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> w = wrap(cells.get(i), size, widths[i] - 6);
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        float height = lines * (size + 3) + 6;
        need(height);
        float x = MARGIN;
        if (header) {
            out.setNonStrokingColor(0.93f, 0.95f, 0.98f);
            float total = 0;
            for (float w : widths) {
                total += w;
            }
            out.addRect(MARGIN, y - height, total, height);
            out.fill();
            out.setNonStrokingColor(0f, 0f, 0f);
        }
        for (int i = 0; i < cells.size(); i++) {
            out.setLineWidth(0.4f);
            out.addRect(x, y - height, widths[i], height);
            out.stroke();
            float ly = y - 3 - size;
            for (String l : wrapped.get(i)) {
                text(l, x + 3, ly, size);
                ly -= size + 3;
            }
            x += widths[i];
        }
        y -= height;
    }

    void close() throws IOException {
        out.close();
    }
}
