package org.sunbid.platform.supervision.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** 招标投标法实施条例 Art. 40 over one lot's facts, each item on hand-made facts. */
class Art40RulesTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final UUID D = UUID.fromString("00000000-0000-0000-0000-00000000000d");

    private static List<Art40Rules.Bid> bids(String a, String b, String c, String d) {
        return List.of(new Art40Rules.Bid(A, "甲建设有限公司", price(a)), new Art40Rules.Bid(B, "乙建设有限公司", price(b)),
                new Art40Rules.Bid(C, "丙建设有限公司", price(c)), new Art40Rules.Bid(D, "丁建设有限公司", price(d)));
    }

    private static BigDecimal price(String p) {
        return p == null ? null : new BigDecimal(p);
    }

    private static final List<Art40Rules.Bid> HONEST_PRICES = bids("12350000", "12080000", "12510000", "11960000");

    private static Fact fact(UUID bidder, Fact.Kind kind, String value) {
        return new Fact(bidder, kind, value, null);
    }

    @Test
    void reg40_1_twoBiddersSealedOnOneMachineAreOneFinding_whateverNumberOfFingerprintPartsTheyShare() {
        List<Fact> facts = List.of(fact(A, Fact.Kind.MAC, "m1"), fact(B, Fact.Kind.MAC, "m1"), fact(A, Fact.Kind.MACHINE_ID, "x1"),
                fact(B, Fact.Kind.MACHINE_ID, "x1"), fact(C, Fact.Kind.MAC, "m2"), fact(D, Fact.Kind.MAC, "m3"),
                fact(A, Fact.Kind.DISK_ID, "d1"), fact(B, Fact.Kind.DISK_ID, "d1"));
        List<Finding> found = Art40Rules.findings(HONEST_PRICES, facts);
        assertThat(found).hasSize(1);
        Finding f = found.get(0);
        assertThat(f.item()).isEqualTo(Art40Item.SAME_PREPARER);
        assertThat(f.item().legalBasis()).isEqualTo("招标投标法实施条例第四十条第（一）项");
        assertThat(f.bidders()).containsExactly(A, B);
        assertThat(f.high()).isTrue();
        assertThat(f.evidence()).extracting(Finding.Line::label).containsExactlyInAnyOrder("网卡 MAC 地址", "计算机机器标识", "硬盘序列号");
    }

    @Test
    void reg40_1_oneSharedMacOrDiskIdAloneIsMedium_twoKindsOrTheMakersCodeAloneIsHigh() {
        // one MAC (a virtual adapter's fixed address) or one disk id (a virtual disk's name) alone: MEDIUM
        assertThat(Art40Rules.findings(HONEST_PRICES, List.of(fact(A, Fact.Kind.MAC, "vmnet"), fact(B, Fact.Kind.MAC, "vmnet"))))
                .singleElement().satisfies(f -> assertThat(f.item()).isEqualTo(Art40Item.SAME_PREPARER))
                .satisfies(f -> assertThat(f.high()).isFalse());
        assertThat(Art40Rules.findings(HONEST_PRICES, List.of(fact(A, Fact.Kind.DISK_ID, "qemu"), fact(B, Fact.Kind.DISK_ID, "qemu"),
                fact(A, Fact.Kind.DISK_ID, "qemu2"), fact(B, Fact.Kind.DISK_ID, "qemu2"))))
                .singleElement().satisfies(f -> assertThat(f.high()).isFalse());
        // two kinds shared by the same bidders: HIGH (MAC + 机器码, machine id + disk)
        assertThat(Art40Rules.findings(HONEST_PRICES, List.of(fact(A, Fact.Kind.MAC, "m"), fact(B, Fact.Kind.MAC, "m"),
                fact(A, Fact.Kind.DISK_ID, "d"), fact(B, Fact.Kind.DISK_ID, "d"))))
                .singleElement().satisfies(f -> assertThat(f.high()).isTrue());
        assertThat(Art40Rules.findings(HONEST_PRICES, List.of(fact(A, Fact.Kind.MACHINE_ID, "x"), fact(B, Fact.Kind.MACHINE_ID, "x"),
                fact(A, Fact.Kind.DISK_ID, "d"), fact(B, Fact.Kind.DISK_ID, "d"))))
                .singleElement().satisfies(f -> assertThat(f.high()).isTrue());
        // the document maker's 机器码 alone: HIGH
        assertThat(Art40Rules.findings(HONEST_PRICES, List.of(fact(A, Fact.Kind.MAKER_CODE, "z"), fact(B, Fact.Kind.MAKER_CODE, "z"))))
                .singleElement().satisfies(f -> assertThat(f.high()).isTrue());
        // a MAC shared by A and B and a disk shared by A and C are two single facts over two pairs: both MEDIUM
        assertThat(Art40Rules.findings(HONEST_PRICES, List.of(fact(A, Fact.Kind.MAC, "m"), fact(B, Fact.Kind.MAC, "m"),
                fact(A, Fact.Kind.DISK_ID, "d"), fact(C, Fact.Kind.DISK_ID, "d"))))
                .hasSize(2).allSatisfy(f -> assertThat(f.high()).isFalse());
    }

    @Test
    void reg40_2_3_6_sharedAddressManagerAndPayerAccountAreTheirOwnItems() {
        List<Fact> facts = List.of(fact(A, Fact.Kind.UPLOAD_IP, "ip1"), fact(C, Fact.Kind.UPLOAD_IP, "ip1"),
                new Fact(B, Fact.Kind.PROJECT_MANAGER, "pm", "王工"), new Fact(D, Fact.Kind.PROJECT_MANAGER, "pm", "王工"),
                fact(A, Fact.Kind.PAYER, "acct"), fact(B, Fact.Kind.PAYER, "acct"), fact(C, Fact.Kind.PAYER, "acct2"));
        List<Finding> found = Art40Rules.findings(HONEST_PRICES, facts);
        assertThat(found).extracting(Finding::item).containsExactlyInAnyOrder(Art40Item.SAME_AGENT,
                Art40Item.SAME_PROJECT_MANAGER, Art40Item.SAME_DEPOSIT_ACCOUNT);
        assertThat(found).filteredOn(f -> f.item() == Art40Item.SAME_AGENT).singleElement()
                .satisfies(f -> assertThat(f.bidders()).containsExactly(A, C)).satisfies(f -> assertThat(f.high()).isFalse());
        assertThat(found).filteredOn(f -> f.item() == Art40Item.SAME_PROJECT_MANAGER).singleElement()
                .satisfies(f -> assertThat(f.evidence().get(0).value()).contains("王工"));
        assertThat(found).filteredOn(f -> f.item() == Art40Item.SAME_DEPOSIT_ACCOUNT).singleElement()
                .satisfies(f -> assertThat(f.bidders()).containsExactly(A, B));
    }

    @Test
    void reg40_4_identicalOddLinesOfSomeBidsAreEvidence_theTemplatesLinesEveryBidderHasAreNot() {
        List<Fact> facts = new ArrayList<>();
        for (UUID bidder : List.of(A, B, C, D)) {
            facts.add(new Fact(bidder, Fact.Kind.LINE, "template", "投标函.txt:1"));
            facts.add(new Fact(bidder, Fact.Kind.FILE, "form", "承诺书.txt"));
        }
        facts.add(new Fact(B, Fact.Kind.LINE, "typo", "施工组织设计.txt:12"));
        facts.add(new Fact(C, Fact.Kind.LINE, "typo", "施工组织设计.txt:14"));
        facts.add(new Fact(B, Fact.Kind.LINE, "typo2", "施工组织设计.txt:40"));
        facts.add(new Fact(C, Fact.Kind.LINE, "typo2", "施工组织设计.txt:41"));
        List<Finding> found = Art40Rules.findings(HONEST_PRICES, facts);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.item()).isEqualTo(Art40Item.ABNORMALLY_SIMILAR);
            assertThat(f.bidders()).containsExactly(B, C);
            assertThat(f.evidence()).anySatisfy(l -> assertThat(l.value()).isEqualTo("2 处"));
            assertThat(f.evidence()).anySatisfy(l -> assertThat(l.value()).contains("施工组织设计.txt:12", "施工组织设计.txt:40"));
        });
    }

    @Test
    void reg40_4_pricesInAnArithmeticOrGeometricSequenceAreFlagged_othersNot() {
        assertThat(Art40Rules.findings(bids("10000000", "10250000", "10500000", "10750000"), List.of()))
                .singleElement().satisfies(f -> {
                    assertThat(f.item()).isEqualTo(Art40Item.ABNORMALLY_SIMILAR);
                    assertThat(f.bidders()).containsExactly(A, B, C, D);
                    assertThat(f.evidence()).anySatisfy(l -> assertThat(l.value()).startsWith("等差数列"));
                });
        // near-arithmetic: steps 250000, 251000, 249500 (within 0.5% of their mean)
        assertThat(Art40Rules.findings(bids("10000000", "10250000", "10501000", "10750500"), List.of())).hasSize(1);
        // geometric: ×1.02 each
        assertThat(Art40Rules.findings(bids("10000000", "10200000", "10404000", "10612080"), List.of()))
                .singleElement().satisfies(f -> assertThat(f.evidence()).anySatisfy(l -> assertThat(l.value()).startsWith("等比数列")));
        assertThat(Art40Rules.findings(HONEST_PRICES, List.of())).isEmpty();
        // steps 250000 and 260000 differ by 4%: no pattern; equal prices are no steps either; two prices are too few
        assertThat(Art40Rules.findings(bids("10000000", "10250000", "10510000", null), List.of())).isEmpty();
        assertThat(Art40Rules.findings(bids("10000000", "10000000", "10000000", null), List.of())).isEmpty();
        assertThat(Art40Rules.findings(bids("10000000", "10250000", null, null), List.of())).isEmpty();
    }

    @Test
    void reg40_5_aBidNamingARivalIsMixedUp_namingItselfIsNot() {
        List<Fact> facts = List.of(new Fact(A, Fact.Kind.MENTION, B.toString(), "投标函.txt:2"),
                new Fact(C, Fact.Kind.MENTION, C.toString(), "投标函.txt:1"),
                new Fact(D, Fact.Kind.MENTION, UUID.randomUUID().toString(), "投标函.txt:1"));
        assertThat(Art40Rules.findings(HONEST_PRICES, facts)).singleElement().satisfies(f -> {
            assertThat(f.item()).isEqualTo(Art40Item.MIXED_UP);
            assertThat(f.bidders()).containsExactly(A, B);
            assertThat(f.evidence().get(0).value()).isEqualTo("乙建设有限公司（投标函.txt:2）");
        });
    }

    @Test
    void anHonestLotGivesNothing_andTheSameFactsGiveTheSameFindingsAgain() {
        List<Fact> facts = List.of(fact(A, Fact.Kind.MAC, "m1"), fact(B, Fact.Kind.MAC, "m2"), fact(C, Fact.Kind.MAC, "m3"),
                fact(A, Fact.Kind.PAYER, "a1"), fact(B, Fact.Kind.PAYER, "a2"), fact(C, Fact.Kind.PAYER, "a3"),
                fact(D, Fact.Kind.PAYER, "a4"));
        assertThat(Art40Rules.findings(HONEST_PRICES, facts)).isEmpty();
        List<Fact> shared = List.of(fact(A, Fact.Kind.PAYER, "a1"), fact(B, Fact.Kind.PAYER, "a1"), fact(C, Fact.Kind.MAC, "m"),
                fact(D, Fact.Kind.MAC, "m"));
        assertThat(Art40Rules.findings(HONEST_PRICES, shared)).extracting(Finding::key)
                .isEqualTo(Art40Rules.findings(HONEST_PRICES, shared).stream().map(Finding::key).toList()).hasSize(2);
    }

    @Test
    void aBidderOutsideTheLotsOpenedBidsIsIgnored() {
        UUID outsider = UUID.randomUUID();
        assertThat(Art40Rules.findings(HONEST_PRICES, List.of(fact(A, Fact.Kind.MAC, "m"), fact(outsider, Fact.Kind.MAC, "m"))))
                .isEmpty();
    }

    @Test
    void reg40_3_oneRegistrationNumberIsHigh_oneNameAloneIsAMediumToCheck_twoNumbersUnderOneNameAreTwoPeople() {
        // A and B: one registration number (one person); C and D: the same name 张伟, no number (同名，待核实)
        List<Fact> facts = List.of(new Fact(A, Fact.Kind.PROJECT_MANAGER, "no1", "周建国"),
                new Fact(B, Fact.Kind.PROJECT_MANAGER, "no1", "周建国"), new Fact(A, Fact.Kind.PROJECT_MANAGER_NAME, "n1", "周建国"),
                new Fact(B, Fact.Kind.PROJECT_MANAGER_NAME, "n1", "周建国"), new Fact(C, Fact.Kind.PROJECT_MANAGER_NAME, "n2", "张伟"),
                new Fact(D, Fact.Kind.PROJECT_MANAGER_NAME, "n2", "张伟"));
        List<Finding> found = Art40Rules.findings(HONEST_PRICES, facts);
        assertThat(found).extracting(Finding::item).containsOnly(Art40Item.SAME_PROJECT_MANAGER).hasSize(2);
        assertThat(found).filteredOn(f -> f.bidders().contains(A)).singleElement()
                .satisfies(f -> assertThat(f.bidders()).containsExactly(A, B)).satisfies(f -> assertThat(f.high()).isTrue());
        assertThat(found).filteredOn(f -> f.bidders().contains(C)).singleElement()
                .satisfies(f -> assertThat(f.bidders()).containsExactly(C, D)).satisfies(f -> assertThat(f.high()).isFalse())
                .satisfies(f -> assertThat(f.evidence()).singleElement().satisfies(l -> {
                    assertThat(l.label()).isEqualTo("项目经理同名，待核实");
                    assertThat(l.value()).contains("张伟");
                }));

        // Two people named 张伟 with different registration numbers: nothing
        assertThat(Art40Rules.findings(HONEST_PRICES, List.of(new Fact(A, Fact.Kind.PROJECT_MANAGER, "no1", "张伟"),
                new Fact(B, Fact.Kind.PROJECT_MANAGER, "no2", "张伟"), new Fact(A, Fact.Kind.PROJECT_MANAGER_NAME, "n", "张伟"),
                new Fact(B, Fact.Kind.PROJECT_MANAGER_NAME, "n", "张伟")))).isEmpty();
        // One gives a number, the other only the name: the name is all there is to compare, to be checked
        assertThat(Art40Rules.findings(HONEST_PRICES, List.of(new Fact(A, Fact.Kind.PROJECT_MANAGER, "no1", "张伟"),
                new Fact(A, Fact.Kind.PROJECT_MANAGER_NAME, "n", "张伟"), new Fact(B, Fact.Kind.PROJECT_MANAGER_NAME, "n", "张伟"))))
                .singleElement().satisfies(f -> assertThat(f.high()).isFalse());
    }
}
