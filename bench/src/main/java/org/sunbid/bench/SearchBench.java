package org.sunbid.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.sunbid.platform.disclosure.NoticeQuery;
import org.sunbid.platform.disclosure.NoticeResults;
import org.sunbid.platform.disclosure.NoticeType;
import org.sunbid.platform.disclosure.search.NoticeIndex;

/**
 * Full-text search benchmark (issue 18): builds the platform's own notice index ({@link NoticeIndex}: the same schema,
 * analyser and query building the portal uses) of N generated notices with realistic Chinese titles and bodies (project
 * names, places, categories, procedures from a fixed vocabulary), then times a two-word query with two filters (deal
 * kind and a city's region subtree), sorted by relevance, first page of 20 with highlighting and the exact total —
 * beside the raw cost measured in the same run: one Lucene {@code TermQuery} on the body field of the same index.
 * The last line is {@code search: p50 <ms> ms, p99 <ms> ms at <n> notices, raw <ms> ms} (raw: its p99).
 *
 * <p>Usage: {@code mvn -B -ntp -pl bench exec:exec@search [-Dsearch.notices=1000000]}. Not a test: it prints figures.
 */
public final class SearchBench {

    private static final String[] CITIES = {"云州市", "临江市", "松源市", "青山市", "白鹭市", "南屏市", "金川市", "石门市"};
    private static final String[] COUNTIES = {"青山县", "柳河县", "城东区", "城西区", "高新区", "滨江区", "东湖县", "北岭县",
            "南溪县", "西山区"};
    private static final String[] PLACES = {"云州大道", "滨江路", "人民路", "柳河镇", "石门山", "东湖新城", "火车站片区",
            "老城区", "工业园区", "经济开发区", "湿地公园", "体育中心", "第一中学", "人民医院", "图书馆", "污水处理厂"};
    private static final String[][] SUBJECTS = {
            {"GCJS", "道路改造工程", "市政公用工程", "沥青混凝土面层 排水管网 交通设施 施工总承包"},
            {"GCJS", "教学楼新建工程", "房屋建筑工程", "框架结构 地下室 室外配套 施工总承包 二级资质"},
            {"GCJS", "水库除险加固工程", "水利水电工程", "大坝 溢洪道 防渗处理 防汛道路 水利水电施工总承包"},
            {"GCJS", "污水处理厂提标改造工程", "市政公用工程", "深度处理 提标 设备安装 在线监测"},
            {"GCJS", "园林绿化提升工程", "园林绿化工程", "苗木 铺装 景观照明 养护"},
            {"ZFCG", "防汛物资采购项目", "货物", "冲锋舟 救生衣 沙袋 应急照明 防汛物资 专门面向中小企业"},
            {"ZFCG", "办公设备采购项目", "货物", "计算机 打印机 复印机 投影仪 政府采购 节能产品"},
            {"ZFCG", "物业管理服务采购项目", "服务", "保洁 安保 绿化养护 设施设备维护 物业服务"},
            {"ZFCG", "信息化系统建设项目", "服务", "软件开发 系统集成 数据中心 网络安全 等级保护"},
            {"ZFCG", "医疗设备采购项目", "货物", "彩色超声 监护仪 呼吸机 医疗器械注册证"},
            {"TDSYQ", "商住地块国有建设用地使用权挂牌出让", "国有建设用地使用权", "容积率 建筑密度 绿地率 出让年限 竞买保证金"},
            {"TDSYQ", "工业用地国有建设用地使用权拍卖出让", "国有建设用地使用权", "投资强度 容积率 出让年限 竞买申请"},
            {"KYQ", "建筑用花岗岩矿采矿权挂牌出让", "采矿权", "资源储量 开采规模 矿区范围 出让收益"},
            {"GYCQ", "闲置办公楼及附属设备转让", "企业国有资产", "评估价值 产权转让 受让方条件 网络竞价"}};
    private static final String[] PROCEDURES = {"OPEN_TENDER", "INVITED_TENDER", "LISTING", "ONLINE_BIDDING"};
    private static final NoticeType[] TYPES = NoticeType.values();
    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        int notices = 1_000_000;
        int queries = 2_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--notices" -> notices = Integer.parseInt(args[i + 1]);
                case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        Path dir = Files.createTempDirectory("sunbid-search-bench-");
        System.out.printf("Sunbid search benchmark — JDK %s (%s), %d cores, %,d notices, %,d queries%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), notices, queries);
        try (NoticeIndex index = NoticeIndex.open(dir)) {
            long start = System.nanoTime();
            build(index, notices);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("built: %,d notices in %.1f s (%,.0f notices/s), %,d MB on disk%n", index.size(), seconds,
                    notices / seconds, size(dir) >> 20);
            run(index, notices, queries);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The same generated notice for the same number, whatever the thread. */
    static NoticeIndex.Notice notice(int n) {
        SplittableRandom r = new SplittableRandom(n * 0x9E3779B97F4A7C15L);
        int city = r.nextInt(CITIES.length);
        int county = r.nextInt(COUNTIES.length);
        String[] subject = SUBJECTS[r.nextInt(SUBJECTS.length)];
        String place = PLACES[r.nextInt(PLACES.length)];
        String cityCode = String.format("33%02d00", city + 1);
        String countyCode = String.format("33%02d%02d", city + 1, county + 1);
        int year = 2024 + r.nextInt(3);
        String title = CITIES[city] + COUNTIES[county] + place + year + "年" + subject[1];
        NoticeType type = TYPES[r.nextInt(TYPES.length)];
        BigDecimal value = BigDecimal.valueOf(100_000 + r.nextLong(500_000_000L), 2).movePointRight(2);
        String body = title + "。" + subject[2] + "，" + subject[3] + "。项目位于" + CITIES[city] + COUNTIES[county] + place
                + "，资金来源为财政资金，预算" + value.toPlainString() + "元。投标人（供应商）应具备相应资格条件，"
                + "于截止时间前通过" + CITIES[city] + "公共资源交易平台提交文件。";
        return new NoticeIndex.Notice(type.name() + ":" + n, type, title, body, subject[0],
                subject[0] + "_" + PROCEDURES[r.nextInt(PROCEDURES.length)], countyCode,
                List.of("330000", cityCode, countyCode), subject[0] + "-" + n, "lot-" + n, "PUBLISHED",
                EPOCH.plusSeconds(r.nextLong(3L * 365 * 86400)), value, "/tenders/" + n);
    }

    private static void build(NoticeIndex index, int notices) throws Exception {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            parts.add(pool.submit(() -> {
                for (int n = first; n < notices; n += threads) {
                    index.add(notice(n));
                }
            }));
        }
        for (Future<?> f : parts) {
            f.get();
        }
        pool.shutdown();
        index.commit();
    }

    private static void run(NoticeIndex index, int notices, int queries) {
        SplittableRandom r = new SplittableRandom(42);
        String[][] words = {{"道路", "改造"}, {"防汛物资", "采购"}, {"建设用地", "挂牌"}, {"教学楼", "新建"},
                {"污水处理厂", "提标"}, {"办公设备", "节能"}, {"采矿权", "出让"}, {"物业", "保洁"}};
        String[] kinds = {"GCJS", "ZFCG", "TDSYQ", "GCJS", "GCJS", "ZFCG", "KYQ", "ZFCG"};
        String[] rawTerms = {"道路", "采购", "挂牌", "工程", "改造", "物资"};
        // warm-up: the JIT and the OS page cache
        for (int i = 0; i < Math.max(200, queries / 5); i++) {
            int w = r.nextInt(words.length);
            index.search(query(words[w], kinds[w], r));
            index.rawTermSearch(rawTerms[r.nextInt(rawTerms.length)]);
        }
        long[] took = new long[queries];
        long[] raw = new long[queries];
        long totalHits = 0;
        for (int i = 0; i < queries; i++) {
            int w = r.nextInt(words.length);
            NoticeQuery q = query(words[w], kinds[w], r);
            long t0 = System.nanoTime();
            NoticeResults found = index.search(q);
            took[i] = System.nanoTime() - t0;
            totalHits += found.total();
            String term = rawTerms[r.nextInt(rawTerms.length)];
            long t1 = System.nanoTime();
            index.rawTermSearch(term);
            raw[i] = System.nanoTime() - t1;
        }
        Arrays.sort(took);
        Arrays.sort(raw);
        System.out.printf("query: two words (AND) + deal kind + a city's region subtree, relevance, page of 20 with "
                + "highlights and the exact total; %,d matches on average%n", totalHits / queries);
        System.out.printf("search: p90 %.2f ms, p99.9 %.2f ms, max %.2f ms; raw TermQuery p50 %.2f ms%n",
                ms(took, 0.90), ms(took, 0.999), took[took.length - 1] / 1e6, ms(raw, 0.50));
        System.out.printf("search: p50 %.2f ms, p99 %.2f ms at %d notices, raw %.2f ms%n", ms(took, 0.50), ms(took, 0.99),
                notices, ms(raw, 0.99));
    }

    private static NoticeQuery query(String[] words, String kind, SplittableRandom r) {
        String city = String.format("33%02d00", r.nextInt(CITIES.length) + 1);
        return new NoticeQuery(words[0] + " " + words[1], null, Set.of(kind), null, city, null, null, null, null, null,
                NoticeQuery.Sort.RELEVANCE, 0, 20);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static long size(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
