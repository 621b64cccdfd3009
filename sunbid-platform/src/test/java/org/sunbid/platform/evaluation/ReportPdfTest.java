package org.sunbid.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.sunbid.platform.evaluation.domain.EvaluationPlan;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.sealing.OpenedBid;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation report renders on a machine without any system font (the font shipped with the platform is embedded
 * as a subset), prints every character of its own text, and a font that cannot be read fails the report, not more.
 * Everything is checked from the PDF itself.
 */
class ReportPdfTest {

    private static final String PLAN = """
            {"stateFunded":true,
             "qualification":[{"code":"Q1","text":"营业执照、施工总承包资质证书有效"}],
             "technical":[{"code":"T1","text":"施工组织设计","points":30}],
             "commercial":[{"code":"C1","text":"近三年类似工程业绩","points":30}],
             "price":{"formula":"BENCHMARK_PRICE","dropExtremesFrom":5,"kMin":"0.01","kMax":"0.03","kStep":"0.005",
                      "maxPoints":"40","pointsPerPercentAbove":"1","pointsPerPercentBelow":"0.5"},
             "extremeThreshold":"15","tieRule":"LOWER_PRICE"}""";

    /** No system font directory at all: only the configured (none) and the bundled font. */
    private final ReportPdf noSystemFonts = new ReportPdf("", List.of(), ReportPdf.BUNDLED_FONT);

    @Test
    void embedsTheBundledCjkFontAsASubsetWithoutAnySystemFont() throws Exception {
        byte[] pdf = noSystemFonts.render(content());

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = fontsOf(doc);
            assertThat(fonts).isNotEmpty();
            for (PDFont font : fonts) {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                // A subset is named with a six-letter tag: ABCDEF+LXGWWenKai-Regular.
                assertThat(font.getName()).matches("[A-Z]{6}\\+LXGWWenKai-Regular");
                PDCIDFont cid = ((PDType0Font) font).getDescendantFont();
                PDFontDescriptor descriptor = cid.getFontDescriptor();
                assertThat(descriptor.getFontFile2()).as("embedded TrueType font program").isNotNull();
                int embedded = descriptor.getFontFile2().getCOSObject().getInt(COSName.LENGTH1);
                assertThat(embedded).as("a subset, not the 15 MB font").isPositive().isLessThan(1_000_000);
                // The CIDSystemInfo of the bundled font's descendant: Adobe-Identity, which needs no CJK CMap on the reader.
                assertThat(cid.getCIDSystemInfo().getOrdering()).isEqualTo("Identity");
            }
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("评标报告").contains("云州市体育中心游泳馆改造工程").contains("张建华（组长）")
                    .contains("营业执照、施工总承包资质证书有效").contains("中标候选人")
                    .contains("云州第一建筑工程有限公司").contains("深基坑");
            // The benchmark formula's symbols are printed as written, not as "?".
            assertThat(text).contains("× (1 − K)").contains("K ∈ [0.01, 0.03]").doesNotContain("(1 ? K)");
            assertThat(pdf.length).isLessThan(300_000);
        }
    }

    @Test
    void aCharacterNoFontHasBecomesAQuestionMarkAndTheReportStillRenders() throws Exception {
        byte[] pdf = noSystemFonts.render(content("施工组织设计缺少\uE000分区方案\n见附件"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("施工组织设计缺少?分区方案 见附件");
        }
    }

    @Test
    void aConfiguredFontThatCannotBeReadFailsTheReportWithAClearError() {
        ReportPdf configured = new ReportPdf("/nonexistent/fonts/simsun.ttf", List.of(), ReportPdf.BUNDLED_FONT);
        assertThatThrownBy(() -> configured.render(content()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(EvaluationError.REPORT_FONT_MISSING);
                    assertThat(e.arguments()).containsExactly("/nonexistent/fonts/simsun.ttf");
                });
    }

    @Test
    void aSystemFontThatCannotBeUsedIsSkipped() throws Exception {
        java.nio.file.Path broken = java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("wqy", ".ttc"), "broken");
        byte[] pdf = new ReportPdf("", List.of(broken), ReportPdf.BUNDLED_FONT).render(content());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(fontsOf(doc)).extracting(PDFont::getName).allMatch(n -> n.endsWith("+LXGWWenKai-Regular"));
            assertThat(new PDFTextStripper().getText(doc)).contains("评标报告");
        }
    }

    @Test
    void aConfiguredFileThatIsNoUsableFontFailsTheReportToo() throws Exception {
        java.nio.file.Path notAFont = java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("font", ".ttf"), "不是字体");
        ReportPdf configured = new ReportPdf(notAFont.toString(), List.of(), ReportPdf.BUNDLED_FONT);
        assertThatThrownBy(() -> configured.render(content()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(EvaluationError.REPORT_FONT_MISSING);
                    assertThat(e.arguments()).containsExactly(notAFont.toString());
                });
    }

    @Test
    void withoutAnyFontTheReportFailsAndNothingElse() {
        ReportPdf none = new ReportPdf("", List.of(), "fonts/no-such-font.ttf");
        assertThatThrownBy(() -> none.render(content()))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(EvaluationError.REPORT_FONT_MISSING));
    }

    private static List<PDFont> fontsOf(PDDocument doc) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        return fonts;
    }

    private static ReportPdf.Content content() {
        return content("施工组织设计未针对游泳馆不停业改造编制分区施工方案，深基坑与屋面钢结构安全措施缺失。");
    }

    private static ReportPdf.Content content(String extremeReason) {
        Map<String, Object> planJson = JsonMapper.builder().build().readValue(PLAN, new TypeReference<Map<String, Object>>() { });
        EvaluationPlan plan = EvaluationPlan.parse(planJson, false);
        List<ReportPdf.Person> members = List.of(new ReportPdf.Person("expert01", "张建华", "房屋建筑工程", true),
                new ReportPdf.Person("expert02", "李文", "工程造价", false),
                new ReportPdf.Person("expert03", "王珂", "法律", false));
        String[] names = {"云州第一建筑工程有限公司", "青山路桥建设有限公司", "临江水利水电工程有限公司"};
        String[] prices = {"12860000.00", "12790000.00", "13150000.00"};
        List<OpenedBid> bids = new ArrayList<>();
        List<Map<String, Object>> qualification = new ArrayList<>();
        Map<String, BigDecimal> priceScores = new LinkedHashMap<>();
        List<Map<String, Object>> ranked = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            UUID bidder = UUID.nameUUIDFromBytes(names[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bids.add(new OpenedBid(UUID.randomUUID(), bidder, names[i], true, new BigDecimal(prices[i]), Map.of(), List.of(), null));
            qualification.add(Map.of("bidder", names[i], "passed", true, "failed", i == 2
                    ? List.of(Map.of("item", "Q1", "failVotes", 1L, "reasons", List.of("资质证书过期")))
                    : List.of()));
            priceScores.put(bidder.toString(), new BigDecimal("38.50").subtract(BigDecimal.valueOf(i)));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", (long) i + 1);
            row.put("bidderId", bidder.toString());
            row.put("bidder", names[i]);
            row.put("price", prices[i]);
            row.put("score", "9" + (2 - i) + ".50");
            ranked.add(row);
        }
        Map<String, Map<String, Map<String, BigDecimal>>> sheets = new LinkedHashMap<>();
        for (ReportPdf.Person m : members) {
            Map<String, Map<String, BigDecimal>> sheet = new LinkedHashMap<>();
            for (OpenedBid b : bids) {
                sheet.put(b.bidderId().toString(), Map.of("T1", new BigDecimal("25"), "C1", new BigDecimal("26")));
            }
            sheets.put(m.username(), sheet);
        }
        Map<String, Object> ranking = new LinkedHashMap<>();
        ranking.put("ranked", ranked);
        ranking.put("candidates", ranked.subList(0, 2));
        ranking.put("extremes", List.of(Map.of("name", "王珂", "bidder", names[2], "total", "55.5", "othersMean", "89.5",
                "reason", extremeReason)));
        return new ReportPdf.Content("YZ-2026-GC-0090", "云州市体育中心游泳馆改造工程", false, Instant.parse("2026-11-23T06:00:00Z"),
                members, plan, planJson, new BigDecimal("0.015"), bids, qualification, priceScores, sheets, ranking);
    }
}
