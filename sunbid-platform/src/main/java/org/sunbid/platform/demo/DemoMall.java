package org.sunbid.platform.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunbid.platform.kernel.TimeTravel;
import org.sunbid.platform.mall.CategoryView;
import org.sunbid.platform.mall.GroupPurchaseView;
import org.sunbid.platform.mall.GroupPurchases;
import org.sunbid.platform.mall.ListingView;
import org.sunbid.platform.mall.Listings;
import org.sunbid.platform.mall.MallCatalogue;
import org.sunbid.platform.mall.MallOrders;
import org.sunbid.platform.mall.OrderView;
import org.sunbid.platform.mall.ProductPolicy;
import org.sunbid.platform.mall.PriceEvidence;
import org.sunbid.platform.mall.ReverseAuctionView;
import org.sunbid.platform.mall.ReverseAuctions;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The demo's e-mall (issue 22): three categories (desktop computers on the mandatory energy-saving list, laser
 * printers preferred, copy paper), listings of three suppliers — approved ones, one returned by the centre, one
 * suspended when the centre's price monitoring found a cheaper self-run shop price — and the two buyers' orders in
 * every state: placed, accepted (payment not yet due), accepted and overdue (flagged to supervision), refused at
 * acceptance, paid, and one placed by comparison; the city's IT and office-supply firms (the framework agreement's
 * vendors) list desktops and copy paper too; a finished reverse auction with its order, a running one (bids sealed) and
 * a finished group purchase with an order per buyer. The price evidence comes with files (small PDFs saying they are
 * demo evidence) that the mall keeps, so the review list offers downloads. All through the mall's services, as people
 * would; the overdue order, the finished auction and the group purchase happen in the past through time travel (none
 * without it).
 */
@Component
class DemoMall {

    private static final Logger log = LoggerFactory.getLogger(DemoMall.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final MallCatalogue catalogue;
    private final Listings listings;
    private final MallOrders orders;
    private final Accounts accounts;
    private final Clock clock;
    private final ReverseAuctions auctions;
    private final GroupPurchases groups;

    DemoMall(MallCatalogue catalogue, Listings listings, MallOrders orders, Accounts accounts, Clock clock, ReverseAuctions auctions,
            GroupPurchases groups) {
        this.auctions = auctions;
        this.groups = groups;
        this.catalogue = catalogue;
        this.listings = listings;
        this.orders = orders;
        this.accounts = accounts;
        this.clock = clock;
    }

    void load(TimeTravel travel, Instant present) {
        if (!catalogue.categories().isEmpty()) {
            return;
        }
        CurrentUser centre = user("centre");
        // ⚠ demo data: the 品目 codes and list policies are to be checked against the current 政府采购品目分类目录 and
        // 节能产品/环境标志产品政府采购品目清单 (财库〔2019〕9号) before real use
        CategoryView desktops = catalogue.addCategory(new MallCatalogue.CategoryInput("PC-DESKTOP", "台式计算机", "A02010104", "台",
                List.of("CPU", "内存", "硬盘"), ProductPolicy.MANDATORY), centre);
        CategoryView printers = catalogue.addCategory(new MallCatalogue.CategoryInput("PRINTER-LASER", "激光打印机", "A02021003", "台",
                List.of("幅面", "打印方式"), ProductPolicy.GREEN_PREFERRED), centre);
        CategoryView paper = catalogue.addCategory(new MallCatalogue.CategoryInput("PAPER-A4", "A4 复印纸", "A05040101", "箱",
                List.of("克重", "每箱包数"), ProductPolicy.NONE), centre);

        if (travel != null) { // an order placed 50 days ago, accepted 40 days ago and still unpaid: overdue
            travel.travelTo(present.minus(Duration.ofDays(50)));
            try {
                ListingView old = approved(listings.submit(listing(printers, "惠普", "LaserJet Pro 4004dn", Map.of("幅面", "A4", "打印方式", "黑白激光"),
                        "2399.00", "2599.00", "2399.00", "CQC22701234567"), user("bidder2")), centre);
                OrderView late = orders.orderDirect(new MallOrders.DirectOrder(old.id(), 4, 30), user("tenderee2"));
                travel.travelTo(present.minus(Duration.ofDays(40)));
                orders.accept(late.id(), new MallOrders.Acceptance(true, "4 台到货，开箱检验合格，打印测试正常"), user("tenderee2"));
            } finally {
                travel.returnToPresent();
            }
        }

        ListingView pc1 = approved(listings.submit(listing(desktops, "联想", "开天 M90t G2", Map.of("CPU", "兆芯 KX-7000", "内存", "16GB",
                "硬盘", "512GB SSD"), "5299.00", "5599.00", "5299.00", "CQC23701122334"), user("bidder1")), centre);
        ListingView pc2 = approved(listings.submit(listing(desktops, "联想", "开天 M90t G2", Map.of("CPU", "兆芯 KX-7000", "内存", "16GB",
                "硬盘", "512GB SSD"), "5199.00", "5599.00", "5299.00", "CQC23701122334"), user("bidder2")), centre);
        ListingView pc3 = approved(listings.submit(listing(desktops, "联想", "开天 M90t G2", Map.of("CPU", "兆芯 KX-7000", "内存", "16GB",
                "硬盘", "512GB SSD"), "5249.00", "5599.00", "5299.00", "CQC23701122334"), user("bidder4")), centre);
        ListingView printer = approved(listings.submit(listing(printers, "奔图", "P3305DN", Map.of("幅面", "A4", "打印方式", "黑白激光"),
                "1499.00", "1599.00", "1499.00", "CEC2023ELP0456"), user("bidder1")), centre);
        ListingView copyPaper = approved(listings.submit(listing(paper, "晨鸣", "金银河 70g", Map.of("克重", "70g", "每箱包数", "8"),
                "168.00", "188.00", "168.00", null), user("bidder4")), centre);
        // returned by the centre with its reason
        ListingView returned = listings.submit(listing(paper, "亚太森博", "百旺 80g", Map.of("克重", "80g", "每箱包数", "5"),
                "199.00", "219.00", "199.00", null), user("bidder2"));
        listings.review(returned.id(), Listings.Decision.RETURN, "价格证据截图未显示采集日期，请重新截图上传", centre);
        // flagged: the centre's price monitoring finds a cheaper self-run shop price for an approved printer
        ListingView flagged = approved(listings.submit(listing(printers, "兄弟", "HL-L5100DN", Map.of("幅面", "A4", "打印方式", "黑白激光"),
                "2099.00", "2299.00", "2099.00", null), user("bidder4")), centre);
        listings.addEvidence(flagged.id(), new Listings.EvidenceInput(PriceEvidence.Kind.ECOMMERCE, new BigDecimal("1899.00"),
                "https://mall.jd.com/ 京东自营 兄弟官方旗舰店（双十二）", today(), null,
                evidenceFile("京东自营价格（价格监测）.pdf", "ECOMMERCE", "HL-L5100DN", "1899.00", today())), centre);

        CurrentUser buyer = user("tenderee");
        CurrentUser otherBuyer = user("tenderee2");
        orders.orderDirect(new MallOrders.DirectOrder(copyPaper.id(), 20, 30), buyer);                         // placed
        OrderView accepted = orders.orderDirect(new MallOrders.DirectOrder(printer.id(), 2, 30), buyer);
        orders.accept(accepted.id(), new MallOrders.Acceptance(true, "2 台到货，型号与订单一致，打印测试正常"), buyer); // accepted
        OrderView paid = orders.orderDirect(new MallOrders.DirectOrder(pc1.id(), 5, 30), otherBuyer);
        orders.accept(paid.id(), new MallOrders.Acceptance(true, "5 台到货，配置与节能认证证书一致"), otherBuyer);
        orders.pay(paid.id(), otherBuyer);                                                                        // paid
        OrderView refused = orders.orderDirect(new MallOrders.DirectOrder(copyPaper.id(), 10, 30), otherBuyer);
        orders.accept(refused.id(), new MallOrders.Acceptance(false, "到货复印纸受潮，拒收"), otherBuyer);              // refused
        orders.orderByComparison(new MallOrders.ComparisonOrder(List.of(pc1.id(), pc2.id(), pc3.id()), 60, 45), buyer); // comparison
        // the city's IT and office-supply firms (the framework agreement's vendors) list in the mall too, and take part
        // in the reverse auctions and the group purchase beside the builders
        ListingView pc4 = approved(listings.submit(listing(desktops, "联想", "开天 M90t G2", Map.of("CPU", "兆芯 KX-7000", "内存", "16GB",
                "硬盘", "512GB SSD"), "5189.00", "5599.00", "5299.00", "CQC23701122334"), user("vendor2")), centre);
        ListingView paper2 = approved(listings.submit(listing(paper, "晨鸣", "金银河 70g", Map.of("克重", "70g", "每箱包数", "8"),
                "165.00", "188.00", "168.00", null), user("vendor6")), centre);
        // a provincial firm: outside the city centre's region, its listing is reviewed by the administrator
        ListingView paper3 = approved(listings.submit(listing(paper, "晨鸣", "金银河 70g", Map.of("克重", "70g", "每箱包数", "8"),
                "166.00", "188.00", "168.00", null), user("vendor3")), user("admin"));
        reverseAuctions(travel, present, pc1, pc2, pc4, copyPaper, paper2, paper3);
        groupPurchase(travel, present, pc2, pc3, pc4);
        int flaggedOrders = orders.flagOverduePayments();
        log.info("demo: the e-mall stocked (3 categories, {} approved listings), orders in every state, {} overdue flagged",
                listings.search(null, null).size(), flaggedOrders);
    }

    /**
     * One finished reverse auction with its order (desktops: opened a week ago by the city investment group, bid down by
     * three suppliers, closed and awarded now) and one running (copy paper for the county water bureau, opened now, two
     * sealed bids so far). Without time travel only the running one.
     */
    private void reverseAuctions(TimeTravel travel, Instant present, ListingView pc1, ListingView pc2, ListingView pc4,
            ListingView paper1, ListingView paper2, ListingView paper3) {
        if (travel != null) {
            Map<String, String> spec = Map.of("CPU", "兆芯 KX-7000", "内存", "16GB");
            Instant opened = present.minus(Duration.ofDays(7));
            try {
                travel.travelTo(opened);
                ReverseAuctionView done = auctions.open(new ReverseAuctions.Opening(pc1.categoryId(), spec, 80, null, null, null, 30),
                        user("tenderee"));
                bid(travel, opened.plus(Duration.ofMinutes(40)), done, "bidder1", pc1, "5150.00");
                bid(travel, opened.plus(Duration.ofMinutes(95)), done, "vendor2", pc4, "5120.00");
                bid(travel, opened.plus(Duration.ofHours(3)), done, "bidder2", pc2, "5080.00");
                bid(travel, opened.plus(Duration.ofHours(5)), done, "vendor2", pc4, "5050.00");
                bid(travel, opened.plus(Duration.ofHours(20)), done, "bidder1", pc1, "5039.00");
            } finally {
                travel.returnToPresent();
            }
            log.info("demo: {} reverse auction closed", auctions.closeDue());
        }
        ReverseAuctionView running = auctions.open(new ReverseAuctions.Opening(paper1.categoryId(), Map.of("克重", "70g"), 400, null, null,
                null, 30), user("tenderee2"));
        auctions.bid(running.id(), new ReverseAuctions.BidInput(paper2.id(), new BigDecimal("158.00")), user("vendor6"));
        auctions.bid(running.id(), new ReverseAuctions.BidInput(paper3.id(), new BigDecimal("160.50")), user("vendor3"));
    }

    /**
     * One finished group purchase: the centre opened it ten days ago for desktops, both buyers joined, three suppliers
     * quoted for the combined quantity; closed and awarded now, each buyer with its own order.
     */
    private void groupPurchase(TimeTravel travel, Instant present, ListingView pc2, ListingView pc3, ListingView pc4) {
        if (travel == null) {
            return;
        }
        Instant opened = present.minus(Duration.ofDays(10));
        try {
            travel.travelTo(opened);
            GroupPurchaseView g = groups.open(new GroupPurchases.Opening(pc2.categoryId(), Map.of("CPU", "兆芯 KX-7000"), null, null, null),
                    user("centre"));
            groups.join(g.id(), new GroupPurchases.Joining(20, 30), user("tenderee"));
            travel.travelTo(opened.plus(Duration.ofHours(2)));
            groups.join(g.id(), new GroupPurchases.Joining(15, 45), user("tenderee2"));
            Instant quoting = g.joinUntil();
            travel.travelTo(quoting.plus(Duration.ofMinutes(30)));
            groups.quote(g.id(), new GroupPurchases.QuoteInput(pc4.id(), new BigDecimal("5020.00")), user("vendor2"));
            travel.travelTo(quoting.plus(Duration.ofHours(2)));
            groups.quote(g.id(), new GroupPurchases.QuoteInput(pc2.id(), new BigDecimal("4988.00")), user("bidder2"));
            travel.travelTo(quoting.plus(Duration.ofHours(3)));
            groups.quote(g.id(), new GroupPurchases.QuoteInput(pc3.id(), new BigDecimal("4999.00")), user("bidder4"));
        } finally {
            travel.returnToPresent();
        }
        log.info("demo: {} group purchase closed", groups.closeDue());
    }

    private void bid(TimeTravel travel, Instant at, ReverseAuctionView a, String supplier, ListingView listing, String price) {
        travel.travelTo(at);
        auctions.bid(a.id(), new ReverseAuctions.BidInput(listing.id(), new BigDecimal(price)), user(supplier));
    }

    private ListingView approved(ListingView l, CurrentUser centre) {
        return listings.review(l.id(), Listings.Decision.APPROVE, null, centre);
    }

    private Listings.ListingInput listing(CategoryView c, String brand, String model, Map<String, String> specs, String price,
            String manufacturer, String ecommerce, String certificate) {
        LocalDate today = today();
        return new Listings.ListingInput(c.id(), c.name() + " " + brand + " " + model, brand, model, specs, new BigDecimal(price), null,
                certificate, List.of(
                        new Listings.EvidenceInput(PriceEvidence.Kind.MANUFACTURER, new BigDecimal(manufacturer), brand + "官网产品价目表",
                                today.minusDays(5), null, evidenceFile(brand + "官网价目表.pdf", "MANUFACTURER", model, manufacturer,
                                today.minusDays(5))),
                        new Listings.EvidenceInput(PriceEvidence.Kind.ECOMMERCE, new BigDecimal(ecommerce), "京东自营 " + brand + "官方旗舰店",
                                today.minusDays(1), null, evidenceFile("京东自营价格截图.pdf", "ECOMMERCE", model, ecommerce,
                                today.minusDays(1)))));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BEIJING);
    }

    /**
     * A stand-in for the screenshot or price list: a one-page PDF (Helvetica, ASCII only, so that it needs no font)
     * saying it is demo evidence, with its kind, the model, the price and the day. The mall keeps it with its SM3.
     */
    static Listings.EvidenceFile evidenceFile(String name, String kind, String model, String price, LocalDate observedOn) {
        List<String> lines = List.of("Sunbid demo - price evidence (not a real screenshot)", "Kind: " + kind,
                "Model: " + model, "Price: " + price + " yuan", "Observed on: " + observedOn);
        StringBuilder text = new StringBuilder("BT /F1 12 Tf 24 150 Td 16 TL");
        for (String line : lines) {
            text.append(" (").append(line.replaceAll("[^\\x20-\\x7E]", "?").replace("\\", "\\\\").replace("(", "\\(")
                    .replace(")", "\\)")).append(") Tj T*");
        }
        text.append(" ET");
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 200] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new java.util.ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length()); // ASCII only: characters are bytes
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format(java.util.Locale.ROOT, "%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return new Listings.EvidenceFile(name, pdf.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private CurrentUser user(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }
}
