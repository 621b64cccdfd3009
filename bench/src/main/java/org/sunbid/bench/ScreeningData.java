package org.sunbid.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generator of the screening benchmark's input (issue 19): N OCDS compiled releases as JSON lines, one contracting
 * process per line, deterministic for a given (N, seed) — each process is drawn from its own random stream (seed mixed
 * with its index), so the file is the same byte for byte on every machine.
 *
 * <p>Shaped like a Chinese province's history of public procurement and construction tenders: buyers (采购人, credit
 * codes 11…/12…) in 30 districts, tender agencies as procuring entities (代理机构, 91…), 40,000 companies with
 * unified social credit codes (统一社会信用代码, valid check character) as party ids, each in one or two trades (CPV
 * divisions); per process the procurement method and its Chinese details (公开招标, 邀请招标, 竞争性谈判, 竞争性磋商,
 * 询价, 单一来源), the tender's value, status, period and number of tenderers, 3–10 bids with tenderers, values,
 * statuses and dates, the award(s) with suppliers, values, statuses and items, the contract, and the parties with their
 * roles. Every Cardinal indicator has work on every process, and each has some cases to flag, in the proportions
 * below (planted the way collusion and sloppy procedure look in data):
 * <ul>
 * <li>R003 short tender period: 4% of tenders open for under 15 days;</li>
 * <li>R018 single bidder: 0.5% of open/invited tenders where one company submitted all (alternative) bids;</li>
 * <li>R024/R058 winner's price very close to / far below the second: 0.5% each (cover bids, 陪标);</li>
 * <li>R025 companies that bid a lot and almost never win: 300 "cover bidders" that lose on purpose;</li>
 * <li>R028 identical bid prices from different companies: 0.3%;</li>
 * <li>R030 the winner's bid dated after the deadline: 0.2%;</li>
 * <li>R035 all bids but the winner's disqualified: 0.4%;</li>
 * <li>R036 lowest bid disqualified: arises from the bids disqualified (1–6% per buyer, more for abnormally low prices);</li>
 * <li>R038 buyers, agencies and companies with many disqualified bids: 2% of buyers, 100 sloppy companies;</li>
 * <li>R048 suppliers winning in many trades: 200 "everything" companies.</li>
 * </ul>
 * Also: 2% cancelled tenders, 3% pending awards, 1% joint bids (联合体), single-source processes (excluded by the
 * bench's settings), and scored (综合评分法) processes whose winner is not always the lowest bid.
 *
 * <p>{@link #ensure} writes the file once and reuses it when a file for the same N and seed exists (a complete
 * file is renamed into place only at the end).
 */
public final class ScreeningData {

    /** The bench's settings for Cardinal's 11 indicators (defaults everywhere; Chinese method details). */
    public static final String SETTINGS = """
            no_price_comparison_procurement_methods = 竞争性磋商

            [exclusions]
            procurement_method_details = 单一来源

            [R003]
            [R018]
            [R024]
            [R025]
            [R028]
            [R030]
            [R035]
            [R036]
            [R038]
            [R048]
            [R058]
            """;

    private static final String[][] DISTRICTS = {
            {"330102", "浙江省", "杭州市", "上城区"}, {"330106", "浙江省", "杭州市", "西湖区"}, {"330110", "浙江省", "杭州市", "余杭区"},
            {"330203", "浙江省", "宁波市", "海曙区"}, {"330212", "浙江省", "宁波市", "鄞州区"}, {"330302", "浙江省", "温州市", "鹿城区"},
            {"330402", "浙江省", "嘉兴市", "南湖区"}, {"330502", "浙江省", "湖州市", "吴兴区"}, {"330602", "浙江省", "绍兴市", "越城区"},
            {"330702", "浙江省", "金华市", "婺城区"}, {"330782", "浙江省", "金华市", "义乌市"}, {"330802", "浙江省", "衢州市", "柯城区"},
            {"330902", "浙江省", "舟山市", "定海区"}, {"331002", "浙江省", "台州市", "椒江区"}, {"331102", "浙江省", "丽水市", "莲都区"},
            {"320102", "江苏省", "南京市", "玄武区"}, {"320506", "江苏省", "苏州市", "吴中区"}, {"320213", "江苏省", "无锡市", "梁溪区"},
            {"340104", "安徽省", "合肥市", "蜀山区"}, {"360102", "江西省", "南昌市", "东湖区"}, {"350102", "福建省", "福州市", "鼓楼区"},
            {"350203", "福建省", "厦门市", "思明区"}, {"430104", "湖南省", "长沙市", "岳麓区"}, {"420106", "湖北省", "武汉市", "武昌区"},
            {"370102", "山东省", "济南市", "历下区"}, {"370202", "山东省", "青岛市", "市南区"}, {"410105", "河南省", "郑州市", "金水区"},
            {"440106", "广东省", "广州市", "天河区"}, {"440305", "广东省", "深圳市", "南山区"}, {"510107", "四川省", "成都市", "武侯区"}};

    private static final String[] BUYER_KINDS = {"教育局", "卫生健康局", "交通运输局", "住房和城乡建设局", "水利局", "城市管理局",
            "人民医院", "中医院", "第一中学", "实验小学", "市场监督管理局", "公安局", "自然资源和规划局", "农业农村局", "文化广电旅游局",
            "机关事务管理局", "生态环境局", "应急管理局", "民政局", "人民政府办公室", "疾病预防控制中心", "图书馆", "体育中心", "职业技术学校"};

    private static final String[] AGENCY_WORDS = {"建设工程招标代理", "工程咨询", "公共资源咨询", "项目管理", "招标采购", "造价咨询",
            "政府采购代理", "工程管理咨询"};

    private static final String[] BRAND = {"宏", "达", "华", "盛", "恒", "信", "鑫", "源", "泰", "瑞", "中", "天", "建", "安", "顺",
            "远", "博", "通", "成", "海", "东", "金", "银", "正", "新", "利", "宇", "嘉", "和", "永", "兴", "丰", "德", "隆", "广",
            "明", "诚", "立", "卓", "越", "峰", "润", "昌", "晟", "腾", "辉", "凯", "捷", "科", "智"};

    /** Trades: CPV division (the first two digits R048 counts), a typical item code, the company-name word, a subject. */
    private static final String[][] TRADES = {
            {"45", "45233120", "建设工程", "道路改造工程"}, {"45", "45214200", "建筑工程", "教学楼新建工程"},
            {"45", "45240000", "水利水电工程", "水库除险加固工程"}, {"77", "77310000", "园林绿化工程", "园林绿化提升工程"},
            {"33", "33100000", "医疗器械", "医疗设备采购项目"}, {"30", "30213000", "办公设备", "办公设备采购项目"},
            {"72", "72200000", "信息技术", "信息化系统建设项目"}, {"79", "79993000", "物业服务", "物业管理服务采购项目"},
            {"90", "90481000", "环境科技", "污水处理厂提标改造工程"}, {"34", "34144000", "汽车销售", "公务用车采购项目"},
            {"39", "39160000", "家具", "教学家具采购项目"}, {"15", "15800000", "食品", "食堂食材配送项目"},
            {"50", "50700000", "设备维保", "空调系统维保项目"}, {"71", "71240000", "工程设计", "工程设计服务项目"},
            {"80", "80500000", "教育科技", "教师培训服务项目"}, {"32", "32400000", "通信工程", "视频监控系统建设项目"},
            {"44", "44160000", "管道材料", "供水管网改造项目"}, {"31", "31500000", "照明工程", "路灯节能改造项目"},
            {"60", "60100000", "运输服务", "校车服务采购项目"}, {"85", "85140000", "健康管理", "职工体检服务项目"}};

    private static final String[][] METHODS = {
            // procurementMethod, procurementMethodDetails, weight (per 100)
            {"open", "公开招标", "55"}, {"selective", "邀请招标", "8"}, {"limited", "竞争性谈判", "10"},
            {"limited", "竞争性磋商", "12"}, {"selective", "询价", "10"}, {"direct", "单一来源", "5"}};

    private static final char[] USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray();

    /** Bumped whenever the generated bytes change, so an old file is never reused for a new generator. */
    static final int VERSION = 2;

    private static final int BUYERS = 20_000;
    private static final int AGENCIES = 2_000;
    private static final int COMPANIES = 40_000;
    private static final int COVER_BIDDERS = 300;
    private static final int SLOPPY = 100;
    private static final int EVERYTHING = 200;

    private static final LocalDateTime EPOCH = LocalDateTime.of(2021, 1, 1, 0, 0);

    private final long seed;
    private final byte[][] buyerId = new byte[BUYERS][];
    private final byte[][] buyerName = new byte[BUYERS][];
    private final double[] buyerSloppiness = new double[BUYERS];
    private final byte[][] agencyId = new byte[AGENCIES][];
    private final byte[][] agencyName = new byte[AGENCIES][];
    private final byte[][] companyId = new byte[COMPANIES][];
    private final byte[][] companyName = new byte[COMPANIES][];
    private final byte[][] regionOf = new byte[DISTRICTS.length][];
    private final int[] buyerDistrict = new int[BUYERS];
    /** Companies of each trade (a company is in its one or two trades' lists; "everything" companies in all). */
    private final int[][] tradeCompanies = new int[TRADES.length][];

    ScreeningData(long seed) {
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed);
        for (int d = 0; d < DISTRICTS.length; d++) {
            regionOf[d] = utf8(DISTRICTS[d][1] + DISTRICTS[d][2] + DISTRICTS[d][3]);
        }
        for (int b = 0; b < BUYERS; b++) {
            int d = r.nextInt(DISTRICTS.length);
            buyerDistrict[b] = d;
            String kind = BUYER_KINDS[r.nextInt(BUYER_KINDS.length)];
            String place = r.nextInt(3) == 0 ? DISTRICTS[d][2] : DISTRICTS[d][2] + DISTRICTS[d][3];
            buyerName[b] = utf8(place + kind + (b >= BUYERS / 2 ? "（" + (b % 97 + 1) + "）" : ""));
            buyerId[b] = utf8(creditCode(r, kind.endsWith("局") || kind.endsWith("室") ? "11" : "12", DISTRICTS[d][0]));
            // 2% of buyers disqualify a third of all bids; the rest 1–6%
            buyerSloppiness[b] = r.nextInt(50) == 0 ? 0.30 + 0.1 * r.nextDouble() : 0.01 + 0.05 * r.nextDouble();
        }
        for (int a = 0; a < AGENCIES; a++) {
            int d = r.nextInt(DISTRICTS.length);
            agencyName[a] = utf8(DISTRICTS[d][1].replace("省", "") + brand(r, 2) + AGENCY_WORDS[r.nextInt(AGENCY_WORDS.length)]
                    + "有限公司");
            agencyId[a] = utf8(creditCode(r, "91", DISTRICTS[d][0]));
        }
        int[][] lists = new int[TRADES.length][COMPANIES * 2];
        int[] sizes = new int[TRADES.length];
        for (int c = 0; c < COMPANIES; c++) {
            int d = r.nextInt(DISTRICTS.length);
            int trade = r.nextInt(TRADES.length);
            companyName[c] = utf8(DISTRICTS[d][2].replace("市", "") + brand(r, 2) + TRADES[trade][2]
                    + (r.nextInt(4) == 0 ? "集团" : "") + "有限公司");
            companyId[c] = utf8(creditCode(r, "91", DISTRICTS[d][0]));
            if (c < EVERYTHING) {
                for (int t = 0; t < TRADES.length; t++) {
                    lists[t][sizes[t]++] = c;
                }
            } else {
                lists[trade][sizes[trade]++] = c;
                if (r.nextInt(5) == 0) {
                    int other = r.nextInt(TRADES.length);
                    if (other != trade) {
                        lists[other][sizes[other]++] = c;
                    }
                }
            }
        }
        for (int t = 0; t < TRADES.length; t++) {
            tradeCompanies[t] = Arrays.copyOf(lists[t], sizes[t]);
        }
    }

    /** The file for N processes and this seed, generated once (in {@code dir}) and reused while it exists. */
    public static Path ensure(Path dir, long processes, long seed) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("ocds-" + processes + "-seed" + seed + "-v" + VERSION + ".jsonl");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path partial = dir.resolve(file.getFileName() + ".partial");
        long t0 = System.nanoTime();
        ScreeningData data = new ScreeningData(seed);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
            Line line = new Line();
            for (long i = 0; i < processes; i++) {
                line.reset();
                data.process(i, line);
                out.write(line.buf, 0, line.len);
            }
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("generated %s: %,d processes, %,.1f MB in %.1f s%n", file, processes, Files.size(file) / 1e6,
                (System.nanoTime() - t0) / 1e9);
        return file;
    }

    /** {@code ScreeningData [--processes N] [--seed S] [--dir DIR]}: writes (or finds) the file, prints its path. */
    public static void main(String[] args) throws IOException {
        long processes = 1_000_000;
        long seed = 19;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "sunbid-screening-bench");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--processes" -> processes = Long.parseLong(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.println(ensure(dir, processes, seed));
    }

    /** One process: a compiled release on one line, ending with '\n'. */
    void process(long index, Line o) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int buyer = r.nextInt(BUYERS);
        int agency = r.nextInt(AGENCIES);
        int trade = r.nextInt(TRADES.length);
        int m = method(r);
        String method = METHODS[m][0];
        boolean scored = m == 3 || (m == 0 && r.nextInt(3) == 0); // 综合评分法: the winner need not be the lowest
        boolean direct = m == 5;
        boolean cancelled = r.nextInt(50) == 0;
        boolean pending = !cancelled && r.nextInt(33) == 0;
        // what this process plants (at most one)
        int plant = r.nextInt(1000);
        boolean shortPeriod = plant < 40;                        // R003
        boolean singleBidder = plant >= 40 && plant < 45;        // R018
        boolean closeCover = plant >= 45 && plant < 50;          // R024
        boolean farCover = plant >= 50 && plant < 55;            // R058
        boolean samePrice = plant >= 55 && plant < 58;           // R028
        boolean lateWinner = plant >= 58 && plant < 60;          // R030
        boolean othersOut = plant >= 60 && plant < 64;           // R035
        boolean joint = plant >= 64 && plant < 74;               // 联合体: two suppliers on the award

        int bids = direct ? 3 : bidCount(r);
        int[] tenderers = new int[bids];
        int[] pool = tradeCompanies[trade];
        for (int b = 0; b < bids; b++) {
            int c;
            do {
                // one bidder in 40 is a cover bidder, one in 200 a sloppy one
                int roll = r.nextInt(200);
                c = roll < 5 ? EVERYTHING + r.nextInt(COVER_BIDDERS)
                        : roll == 5 ? EVERYTHING + COVER_BIDDERS + r.nextInt(SLOPPY)
                        : pool[r.nextInt(pool.length)];
            } while (contains(tenderers, b, c));
            tenderers[b] = c;
        }
        if (singleBidder || direct) {
            Arrays.fill(tenderers, tenderers[0]);
        }
        long value = (50_000 + (long) (Math.exp(r.nextDouble() * 9) * 1_000)) * 100; // fen: ¥5万 … ¥8,100万
        long[] amount = new long[bids];
        long base = value * (86 + r.nextInt(12)) / 100;
        for (int b = 0; b < bids; b++) {
            amount[b] = (long) (base * (1 + Math.abs(r.nextGaussian()) * 0.05));
        }
        String[] status = new String[bids];
        double sloppiness = buyerSloppiness[buyer];
        for (int b = 0; b < bids; b++) {
            int c = tenderers[b];
            boolean sloppy = c >= EVERYTHING + COVER_BIDDERS && c < EVERYTHING + COVER_BIDDERS + SLOPPY;
            double p = r.nextDouble();
            status[b] = p < (sloppy ? 0.5 : sloppiness) ? "disqualified" : p > 0.99 ? "withdrawn" : "valid";
        }
        // the lowest bids are disqualified more often (abnormally low prices, 低于成本)
        int lowest = argMin(amount, null, -1);
        if (r.nextInt(50) == 0) {
            status[lowest] = "disqualified";
        }
        int winner = -1;
        if (!cancelled) {
            if (othersOut) {
                winner = r.nextInt(bids);
                for (int b = 0; b < bids; b++) {
                    status[b] = b == winner ? "valid" : "disqualified";
                }
            }
            if (winner < 0) {
                winner = scored && r.nextInt(3) == 0 ? anyValid(r, status) : argMin(amount, status, -1);
            }
            if (winner < 0) {
                status[0] = "valid";
                winner = 0;
            }
            // cover bidders never win on their own price: give the process to the next valid bid
            if (isCover(tenderers[winner]) && r.nextInt(10) != 0) {
                int other = argMin(amount, status, winner);
                if (other >= 0 && !isCover(tenderers[other])) {
                    long a = amount[winner];
                    amount[winner] = amount[other];
                    amount[other] = a;
                    winner = other;
                }
            }
            int second = argMin(amount, status, winner);
            if (second >= 0 && amount[winner] <= amount[second]) {
                // the lowest bid won: the runner-up a few per cent above it (bids cluster near the ceiling
                // price, 最高投标限价), the others spread above it
                long w = amount[winner];
                double gap = Math.max(0.004, 0.03 + 0.006 * r.nextGaussian());
                for (int b = 0; b < bids; b++) {
                    if (b != winner && status[b].equals("valid")) {
                        amount[b] = (long) (w * (1 + (b == second ? gap : gap + Math.abs(r.nextGaussian()) * 0.03)));
                    }
                }
            }
            if (second >= 0 && closeCover) {
                amount[second] = amount[winner] + Math.max(1, amount[winner] / 5_000);
            } else if (second >= 0 && farCover) {
                for (int b = 0; b < bids; b++) {
                    if (b != winner) {
                        amount[b] = amount[winner] * (135 + r.nextInt(30)) / 100;
                    }
                }
            } else if (samePrice && bids >= 3) {
                // two losers quote the same price (one company wrote both bids)
                amount[(winner + 2) % bids] = amount[(winner + 1) % bids];
            }
        }
        long startDay = r.nextInt(365 * 5);
        LocalDateTime start = EPOCH.plusDays(startDay).plusHours(8 + r.nextInt(10)).plusMinutes(r.nextInt(60));
        int days = shortPeriod ? 5 + r.nextInt(10) : direct ? 5 + r.nextInt(5) : 20 + r.nextInt(16);
        LocalDateTime end = start.plusDays(days).withHour(9).withMinute(30);
        LocalDateTime awardDate = end.plusDays(7 + r.nextInt(14)).withHour(10).withMinute(0);

        String ocid = "ocds-sunbid-" + pad(index, 8);
        o.raw("{\"ocid\":\"").raw(ocid).raw("\",\"id\":\"").raw(ocid).raw("\",\"date\":\"")
                .date(cancelled ? end : awardDate.plusDays(3)).raw("\",\"tag\":[\"compiled\"],");
        // parties
        o.raw("\"parties\":[");
        o.raw("{\"id\":\"").bytes(buyerId[buyer]).raw("\",\"name\":\"").bytes(buyerName[buyer])
                .raw("\",\"address\":{\"region\":\"").bytes(regionOf[buyerDistrict[buyer]]).raw("\"},\"roles\":[\"buyer\"]},");
        o.raw("{\"id\":\"").bytes(agencyId[agency]).raw("\",\"name\":\"").bytes(agencyName[agency])
                .raw("\",\"roles\":[\"procuringEntity\"]}");
        for (int b = 0; b < bids; b++) {
            int c = tenderers[b];
            if (indexOf(tenderers, b, c) < b) {
                continue;
            }
            o.raw(",{\"id\":\"").bytes(companyId[c]).raw("\",\"name\":\"").bytes(companyName[c])
                    .raw(b == winner ? "\",\"roles\":[\"tenderer\",\"supplier\"]}" : "\",\"roles\":[\"tenderer\"]}");
        }
        int partner = joint && winner >= 0 ? pool[r.nextInt(pool.length)] : -1;
        if (partner >= 0) {
            o.raw(",{\"id\":\"").bytes(companyId[partner]).raw("\",\"name\":\"").bytes(companyName[partner])
                    .raw("\",\"roles\":[\"supplier\"]}");
        }
        o.raw("],");
        o.raw("\"buyer\":{\"id\":\"").bytes(buyerId[buyer]).raw("\"},");
        // tender
        o.raw("\"tender\":{\"id\":\"").raw(ocid).raw("\",\"title\":\"").utf8(TRADES[trade][3])
                .raw("\",\"status\":\"").raw(cancelled ? "cancelled" : pending ? "active" : "complete")
                .raw("\",\"procuringEntity\":{\"id\":\"").bytes(agencyId[agency])
                .raw("\"},\"procurementMethod\":\"").raw(method)
                .raw("\",\"procurementMethodDetails\":\"").utf8(METHODS[m][1])
                .raw("\",\"value\":{\"amount\":").money(value).raw(",\"currency\":\"CNY\"},\"tenderPeriod\":{\"startDate\":\"")
                .date(start).raw("\",\"endDate\":\"").date(end).raw("\"},\"numberOfTenderers\":")
                .num(distinct(tenderers)).raw(",\"items\":[{\"id\":\"1\",\"classification\":{\"scheme\":\"CPV\",\"id\":\"")
                .raw(TRADES[trade][1]).raw("\"}}]},");
        // bids
        o.raw("\"bids\":{\"details\":[");
        for (int b = 0; b < bids; b++) {
            LocalDateTime date = b == winner && lateWinner ? end.plusMinutes(20 + r.nextInt(100))
                    : end.minusMinutes(10 + r.nextInt(60 * 24 * 5));
            o.raw(b == 0 ? "{\"id\":\"" : ",{\"id\":\"").num(b + 1).raw("\",\"date\":\"").date(date)
                    .raw("\",\"status\":\"").raw(status[b]).raw("\",\"tenderers\":[{\"id\":\"").bytes(companyId[tenderers[b]])
                    .raw("\"}],\"value\":{\"amount\":")
                    .money(amount[b]).raw(",\"currency\":\"CNY\"}}");
        }
        o.raw("]}");
        // awards and contract
        if (winner >= 0) {
            o.raw(",\"awards\":[");
            boolean retried = r.nextInt(30) == 0; // an earlier award that failed (公示期内被质疑)
            if (retried) {
                int first = (winner + 1) % bids;
                o.raw("{\"id\":\"").raw("0\",\"status\":\"unsuccessful\",\"suppliers\":[{\"id\":\"")
                        .bytes(companyId[tenderers[first]]).raw("\"}]},");
            }
            o.raw("{\"id\":\"").raw("1\",\"status\":\"").raw(pending ? "pending" : "active")
                    .raw("\",\"date\":\"").date(awardDate).raw("\",\"value\":{\"amount\":").money(amount[winner])
                    .raw(",\"currency\":\"CNY\"},\"suppliers\":[{\"id\":\"").bytes(companyId[tenderers[winner]]).raw("\"}");
            if (partner >= 0) {
                o.raw(",{\"id\":\"").bytes(companyId[partner]).raw("\"}");
            }
            o.raw("],\"items\":[{\"id\":\"1\",\"classification\":{\"scheme\":\"CPV\",\"id\":\"").raw(TRADES[trade][1]).raw("\"}}");
            if (r.nextInt(8) == 0) { // a side item from another trade (安装, 运维 …)
                o.raw(",{\"id\":\"2\",\"classification\":{\"scheme\":\"CPV\",\"id\":\"")
                        .raw(TRADES[r.nextInt(TRADES.length)][1]).raw("\"}}");
            }
            o.raw("]}]");
            if (!pending) {
                o.raw(",\"contracts\":[{\"id\":\"").raw("1\",\"awardID\":\"1\",\"status\":\"").raw(r.nextInt(20) == 0 ? "terminated" : "active")
                        .raw("\",\"value\":{\"amount\":").money(amount[winner]).raw(",\"currency\":\"CNY\"},\"dateSigned\":\"")
                        .date(awardDate.plusDays(10 + r.nextInt(20))).raw("\"}]");
            }
        }
        o.raw("}\n");
    }

    /** 3–10 bids, most tenders drawing the legal minimum of 3 or a few more (mean 4.6). */
    private static int bidCount(SplittableRandom r) {
        int roll = r.nextInt(100);
        for (int n = 0; n < BID_COUNTS.length; n++) {
            roll -= BID_COUNTS[n];
            if (roll < 0) {
                return 3 + n;
            }
        }
        return 3;
    }

    private static final int[] BID_COUNTS = {40, 22, 13, 9, 6, 4, 3, 3};

    private static boolean isCover(int company) {
        return company >= EVERYTHING && company < EVERYTHING + COVER_BIDDERS;
    }

    private static int method(SplittableRandom r) {
        int roll = r.nextInt(100);
        for (int m = 0; m < METHODS.length; m++) {
            roll -= Integer.parseInt(METHODS[m][2]);
            if (roll < 0) {
                return m;
            }
        }
        return 0;
    }

    /** The lowest bid (among valid ones if statuses are given) other than {@code skip}, or -1. */
    private static int argMin(long[] amount, String[] status, int skip) {
        int best = -1;
        for (int b = 0; b < amount.length; b++) {
            if (b != skip && (status == null || status[b].equals("valid")) && (best < 0 || amount[b] < amount[best])) {
                best = b;
            }
        }
        return best;
    }

    private static int anyValid(SplittableRandom r, String[] status) {
        int start = r.nextInt(status.length);
        for (int i = 0; i < status.length; i++) {
            int b = (start + i) % status.length;
            if (status[b].equals("valid")) {
                return b;
            }
        }
        return -1;
    }

    private static boolean contains(int[] a, int n, int v) {
        return indexOf(a, n, v) < n;
    }

    private static int indexOf(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return n;
    }

    private static int distinct(int[] a) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (indexOf(a, i, a[i]) == i) {
                n++;
            }
        }
        return n;
    }

    private static String brand(SplittableRandom r, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(BRAND[r.nextInt(BRAND.length)]);
        }
        return s.toString();
    }

    /** A unified social credit code (GB 32100-2015): authority+kind, region, organisation code, check character. */
    static String creditCode(SplittableRandom r, String kind, String region) {
        char[] c = new char[18];
        c[0] = kind.charAt(0);
        c[1] = kind.charAt(1);
        for (int i = 0; i < 6; i++) {
            c[2 + i] = region.charAt(i);
        }
        boolean recent = kind.charAt(0) == '9' && r.nextBoolean(); // companies registered since 2015: MA…
        for (int i = 8; i < 17; i++) {
            c[i] = recent && i == 8 ? 'M' : recent && i == 9 ? 'A' : USCC[r.nextInt(i < 16 ? 10 : USCC.length)];
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += indexOf(c[i]) * weight;
            weight = weight * 3 % 31;
        }
        c[17] = USCC[(31 - sum % 31) % 31];
        return new String(c);
    }

    private static int indexOf(char ch) {
        for (int i = 0; i < USCC.length; i++) {
            if (USCC[i] == ch) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a credit code character: " + ch);
    }

    private static String pad(long n, int width) {
        String s = Long.toString(n);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A growing line of bytes (no String per field: generating 1.6 GB should cost seconds, not minutes). */
    static final class Line {
        byte[] buf = new byte[8192];
        int len;

        void reset() {
            len = 0;
        }

        private void room(int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }

        Line raw(String ascii) {
            int n = ascii.length();
            room(n);
            for (int i = 0; i < n; i++) {
                buf[len++] = (byte) ascii.charAt(i);
            }
            return this;
        }

        Line utf8(String s) {
            return bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        Line bytes(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
            return this;
        }

        Line num(long n) {
            return raw(Long.toString(n));
        }

        /** An amount in fen as yuan with two decimals (trailing zeros dropped, as JSON numbers are usually written). */
        Line money(long fen) {
            long yuan = fen / 100;
            int cents = (int) (fen % 100);
            raw(Long.toString(yuan));
            if (cents != 0) {
                room(3);
                buf[len++] = '.';
                buf[len++] = (byte) ('0' + cents / 10);
                if (cents % 10 != 0) {
                    buf[len++] = (byte) ('0' + cents % 10);
                }
            }
            return this;
        }

        /** RFC 3339 with the China offset: 2025-03-01T09:30:00+08:00. */
        Line date(LocalDateTime t) {
            room(25);
            int y = t.getYear();
            two(y / 100);
            two(y % 100);
            buf[len++] = '-';
            two(t.getMonthValue());
            buf[len++] = '-';
            two(t.getDayOfMonth());
            buf[len++] = 'T';
            two(t.getHour());
            buf[len++] = ':';
            two(t.getMinute());
            buf[len++] = ':';
            two(t.getSecond());
            for (byte b : OFFSET) {
                buf[len++] = b;
            }
            return this;
        }

        private static final byte[] OFFSET = "+08:00".getBytes(StandardCharsets.US_ASCII);

        private void two(int v) {
            buf[len++] = (byte) ('0' + v / 10);
            buf[len++] = (byte) ('0' + v % 10);
        }
    }
}
