package org.sunbid.platform.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.sunbid.platform.evaluation.domain.Criteria;
import org.sunbid.platform.evaluation.domain.EvaluationPlan;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.sealing.OpenedBid;

/**
 * Renders the evaluation report (评标报告) as a PDF with embedded subsets of CJK TrueType fonts: the tender, the
 * committee, the criteria, the qualification results with the reasons for each fail, the computed price scores, every
 * member's scores, the extreme scores with their reasons, the ranking and the candidates. A4, plain tables.
 *
 * <p>Fonts, first choice first: the font named by {@code sunbid.evaluation.report-font}, the system CJK fonts found
 * in the usual places, and the font shipped with the platform ({@value #BUNDLED_FONT}, LXGW WenKai under the SIL Open
 * Font License, beside it in {@code fonts/OFL.txt}), so the report renders on a machine without any font installed.
 * Each character is drawn with the first of these that has a glyph for it; only a character none has becomes "?".
 */
@Component
class ReportPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    /** The CJK font shipped with the platform, a class path resource (glyf outlines: PDFBox subsets and embeds it). */
    static final String BUNDLED_FONT = "fonts/LXGWWenKai-Regular.ttf";

    /** Where system CJK fonts are looked for, in this order. */
    static final List<Path> SYSTEM_FONTS = Stream.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc", "C:/Windows/Fonts/simhei.ttf", "C:/Windows/Fonts/simsun.ttc")
            .map(Path::of).toList();

    private final String configuredFont;
    private final List<Path> systemFonts;
    private final String bundledFont;

    @Autowired
    ReportPdf(@Value("${sunbid.evaluation.report-font:}") String configuredFont) {
        this(configuredFont, SYSTEM_FONTS, BUNDLED_FONT);
    }

    /** With other system font files (none: only the configured and the bundled font) and another bundled resource. */
    ReportPdf(String configuredFont, List<Path> systemFonts, String bundledFont) {
        this.configuredFont = configuredFont == null ? "" : configuredFont.strip();
        this.systemFonts = List.copyOf(systemFonts);
        this.bundledFont = bundledFont;
    }

    record Person(String username, String name, String specialty, boolean leader) {
    }

    record Content(String title, String projectCode, String tenderName, boolean lowestEvaluatedPrice, Instant at,
            List<Person> members, EvaluationPlan plan, Map<String, Object> planJson, BigDecimal k, List<OpenedBid> bids,
            List<Map<String, Object>> qualification, Map<String, BigDecimal> priceScores,
            Map<String, Map<String, Map<String, BigDecimal>>> sheets, Map<String, Object> ranking) {

        /** A tender's report (评标报告). */
        Content(String projectCode, String tenderName, boolean lowestEvaluatedPrice, Instant at, List<Person> members,
                EvaluationPlan plan, Map<String, Object> planJson, BigDecimal k, List<OpenedBid> bids,
                List<Map<String, Object>> qualification, Map<String, BigDecimal> priceScores,
                Map<String, Map<String, Map<String, BigDecimal>>> sheets, Map<String, Object> ranking) {
            this(TENDER_REPORT, projectCode, tenderName, lowestEvaluatedPrice, at, members, plan, planJson, k, bids, qualification,
                    priceScores, sheets, ranking);
        }
    }

    /** 评标报告: a tender's evaluation report. */
    static final String TENDER_REPORT = "评标报告";
    /** 评审报告: the report of a negotiation, consultation or inquiry panel (74号令 Art. 34/50; 214号 Art. 26). */
    static final String REVIEW_REPORT = "评审报告";
    /** 谈判纪要: the single-source negotiation minutes signed by the panel (74号令 Art. 42). */
    static final String MINUTES = "谈判纪要";

    /**
     * The fonts a report is drawn with, first choice first. A configured font that cannot be read or used fails the
     * report (rather than silently drawing it with another font); without any font at all the report cannot be rendered.
     */
    private List<ReportFonts.Source> sources() {
        List<ReportFonts.Source> sources = new ArrayList<>();
        if (!configuredFont.isEmpty()) {
            Path p = Path.of(configuredFont);
            if (!Files.isReadable(p)) {
                throw new DomainException(EvaluationError.REPORT_FONT_MISSING, configuredFont);
            }
            sources.add(new ReportFonts.Source(p, null, true));
        }
        systemFonts.stream().filter(Files::isReadable).forEach(p -> sources.add(new ReportFonts.Source(p, null, false)));
        if (bundledFont != null && ReportPdf.class.getClassLoader().getResource(bundledFont) != null) {
            sources.add(new ReportFonts.Source(null, bundledFont, false));
        }
        if (sources.isEmpty()) {
            throw new DomainException(EvaluationError.REPORT_FONT_MISSING, String.valueOf(bundledFont));
        }
        return sources;
    }

    byte[] render(Content c) {
        List<ReportFonts.Source> sources = sources();
        try (PDDocument doc = new PDDocument(); ReportFonts fonts = new ReportFonts(doc, sources)) {
            ReportWriter w = new ReportWriter(doc, fonts);
            write(w, c);
            w.close();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(c.title() + " " + c.projectCode());
            info.setCreator("Sunbid 阳光交易");
            GregorianCalendar created = new GregorianCalendar();
            created.setTimeInMillis(c.at().toEpochMilli());
            info.setCreationDate(created);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static void write(ReportWriter w, Content c) throws IOException {
        w.title(c.title());
        w.line("项目编号：" + c.projectCode() + "    项目名称：" + c.tenderName(), 10);
        w.line("评标办法：" + (c.lowestEvaluatedPrice() ? "经评审的最低投标价法" : "综合评估法") + "    报告生成时间：" + TIME.format(c.at()), 10);
        w.gap();

        w.heading("一、评标委员会");
        List<List<String>> rows = new ArrayList<>();
        int i = 0;
        for (Person p : c.members()) {
            rows.add(List.of(String.valueOf(++i), p.name() + (p.leader() ? "（组长）" : ""), p.specialty(), p.username()));
        }
        w.table(List.of("序号", "姓名", "专业", "账号"), rows, new float[] {40, 160, 160, 135});

        w.heading("二、评审因素");
        rows = new ArrayList<>();
        for (Criteria.Item item : c.plan().qualification()) {
            rows.add(List.of(item.code(), "资格/符合性", item.text(), "通过/不通过"));
        }
        if (!c.lowestEvaluatedPrice()) {
            for (Criteria.Criterion cr : c.plan().criteria().technical()) {
                rows.add(List.of(cr.code(), "技术", cr.text(), cr.points().toPlainString()));
            }
            for (Criteria.Criterion cr : c.plan().criteria().commercial()) {
                rows.add(List.of(cr.code(), "商务", cr.text(), cr.points().toPlainString()));
            }
            rows.add(List.of("P", "价格", priceText(c), c.plan().criteria().price().maxPoints().toPlainString()));
        }
        w.table(List.of("编号", "类别", "内容", "分值"), rows, new float[] {50, 80, 285, 80});

        w.heading("三、资格审查与符合性审查");
        rows = new ArrayList<>();
        for (Map<String, Object> q : c.qualification()) {
            StringBuilder why = new StringBuilder();
            for (Object f : (List<?>) q.get("failed")) {
                Map<?, ?> m = (Map<?, ?>) f;
                why.append(m.get("item")).append("（").append(m.get("failVotes")).append("/").append(c.members().size())
                        .append(" 票不通过）：").append(String.join("；", ((List<?>) m.get("reasons")).stream().map(String::valueOf).toList()))
                        .append(" ");
            }
            if (q.get("note") != null) {
                why.append("价格表无有效总价");
            }
            if (q.get("invalidPrice") != null) {
                why.append(q.get("invalidPrice"));
            }
            rows.add(List.of(String.valueOf(q.get("bidder")), Boolean.TRUE.equals(q.get("passed")) ? "通过" : "不通过", why.toString().strip()));
        }
        w.table(List.of("投标人", "结论", "不通过的审查项及理由（须过半数）"), rows, new float[] {150, 55, 290});

        if (!c.lowestEvaluatedPrice()) {
            w.heading("四、价格分（系统计算）");
            if (c.k() != null) {
                w.line("下浮系数 K = " + c.k().stripTrailingZeros().toPlainString() + "（由开标记录的 SM3 摘要按公布区间抽取）", 9);
            }
            rows = new ArrayList<>();
            for (Map.Entry<String, BigDecimal> e : c.priceScores().entrySet()) {
                OpenedBid b = bid(c, e.getKey());
                rows.add(List.of(b.bidder(), b.price().toPlainString(), e.getValue().toPlainString()));
            }
            w.table(List.of("投标人", "投标总价（元）", "价格分"), rows, new float[] {245, 150, 100});

            w.heading("五、评委打分");
            List<String> codes = new ArrayList<>();
            c.plan().criteria().technical().forEach(cr -> codes.add(cr.code()));
            c.plan().criteria().commercial().forEach(cr -> codes.add(cr.code()));
            for (Person p : c.members()) {
                Map<String, Map<String, BigDecimal>> sheet = c.sheets().get(p.username());
                if (sheet == null) {
                    continue;
                }
                w.line(p.name(), 10);
                List<String> head = new ArrayList<>(List.of("投标人"));
                head.addAll(codes);
                head.add("价格分");
                head.add("合计");
                rows = new ArrayList<>();
                for (Map.Entry<String, Map<String, BigDecimal>> e : sheet.entrySet()) {
                    List<String> row = new ArrayList<>(List.of(bid(c, e.getKey()).bidder()));
                    BigDecimal total = c.priceScores().get(e.getKey());
                    for (String code : codes) {
                        BigDecimal s = e.getValue().get(code);
                        row.add(s.toPlainString());
                        total = total.add(s);
                    }
                    row.add(c.priceScores().get(e.getKey()).toPlainString());
                    row.add(total.toPlainString());
                    rows.add(row);
                }
                float[] widths = new float[head.size()];
                widths[0] = 150;
                for (int j = 1; j < widths.length; j++) {
                    widths[j] = 345f / (widths.length - 1);
                }
                w.table(head, rows, widths);
            }
            w.heading("六、极端评分及书面理由（已报行政监督部门）");
            rows = new ArrayList<>();
            for (Object o : (List<?>) c.ranking().getOrDefault("extremes", List.of())) {
                Map<?, ?> x = (Map<?, ?>) o;
                rows.add(List.of(String.valueOf(x.get("name")), String.valueOf(x.get("bidder")),
                        x.get("total") + " / " + x.get("othersMean"), String.valueOf(x.get("reason"))));
            }
            if (rows.isEmpty()) {
                w.line("无。", 9);
            } else {
                w.table(List.of("评委", "投标人", "其合计 / 他人均值", "理由"), rows, new float[] {80, 140, 95, 180});
            }
        }

        w.heading(c.lowestEvaluatedPrice() ? "四、排序与中标候选人" : "七、排序与中标候选人");
        rows = new ArrayList<>();
        List<?> candidates = (List<?>) c.ranking().get("candidates");
        for (Object o : (List<?>) c.ranking().get("ranked")) {
            Map<?, ?> r = (Map<?, ?>) o;
            rows.add(List.of(String.valueOf(r.get("rank")), String.valueOf(r.get("bidder")), String.valueOf(r.get("price")),
                    String.valueOf(r.get("score")), candidates.contains(r) ? "中标候选人" : ""));
        }
        w.table(List.of("排序", "投标人", "投标总价（元）", c.lowestEvaluatedPrice() ? "评审价" : "得分", "推荐"), rows,
                new float[] {40, 185, 110, 70, 90});
        w.line("推荐的中标候选人不超过 3 个，并标明排序（《招标投标法实施条例》第五十三条）。", 9);
        w.gap();
        w.heading("评标委员会成员签名");
        w.line("各成员以本人数字证书对本报告的 SM3 摘要签名，签名及证书记入公开日志，可用 sunbid-verifier verify-report 验证。", 9);
    }

    private static String priceText(Content c) {
        Object price = c.planJson().get("price");
        if (price instanceof Map<?, ?> p && "BENCHMARK_PRICE".equals(p.get("formula"))) {
            return "基准价法：有效报价算术平均" + (Integer.valueOf(0).equals(p.get("dropExtremesFrom")) ? "" : "（不少于 "
                    + p.get("dropExtremesFrom") + " 家时去掉最高、最低）") + " × (1 − K)，K ∈ [" + p.get("kMin") + ", " + p.get("kMax")
                    + "]；每高 1% 扣 " + p.get("pointsPerPercentAbove") + " 分，每低 1% 扣 " + p.get("pointsPerPercentBelow") + " 分";
        }
        return "低价优先法：评标基准价为最低有效报价，价格分 = 基准价 / 投标报价 × 价格权重 × 100（财政部令第87号第五十五条）";
    }

    private static OpenedBid bid(Content c, String bidderId) {
        return c.bids().stream().filter(b -> b.bidderId().toString().equals(bidderId)).findFirst().orElseThrow();
    }

}
