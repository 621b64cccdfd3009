package org.sunbid.platform;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm2Certificates;
import org.sunbid.platform.parties.UnifiedSocialCreditCode;

/** Test data factories. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A valid credit code nobody holds yet (the demo uses serials below 100 in its "MA" range). */
    public static String freshCreditCode(String division) {
        String first17 = "91" + division + "MB" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** JSON to register an organisation. */
    public static String organisationJson(String creditCode, String name, String kind, String region) {
        return ApiClient.json(java.util.Map.of("creditCode", creditCode, "name", name, "kind", kind, "regionCode", region));
    }

    /** A certificate for an organisation, issued by the trusted external CA of {@link PlatformIT}, as JSON for upload. */
    public static String externalCertificateJson(String creditCode, Instant now) {
        return certificateJson(PlatformIT.EXTERNAL_CA_ROOT, PlatformIT.EXTERNAL_CA_KEYS,
                "CN=测试单位,SERIALNUMBER=" + creditCode + ",C=CN", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    public static String certificateJson(X509Certificate issuer, KeyPair issuerKeys, String subject, Instant from, Instant to) {
        X509Certificate certificate = Sm2Certificates.issue(issuer, issuerKeys.getPrivate(), subject,
                Sm2.generateKeyPair().getPublic(), from, to);
        return ApiClient.json(java.util.Map.of("pem", Pem.encode(certificate)));
    }

    /** JSON to create a tender for {@code tendereeId}, with its documents available for 7 days from {@code now}. */
    public static String tenderJson(Instant now, String code, Duration toDeadline, String deposit, String tendereeId) {
        return ApiClient.json(java.util.Map.ofEntries(java.util.Map.entry("projectCode", code),
                java.util.Map.entry("name", "云州市图书馆改扩建工程"), java.util.Map.entry("category", "房屋建筑工程"),
                java.util.Map.entry("estimatedPrice", "25000000.00"), java.util.Map.entry("deposit", deposit),
                java.util.Map.entry("qualification", "建筑工程施工总承包二级及以上"),
                java.util.Map.entry("evaluationMethod", "COMPREHENSIVE"),
                java.util.Map.entry("bidDeadline", now.plus(toDeadline).toString()), java.util.Map.entry("openingVenue", "第一开标室"),
                java.util.Map.entry("bidValidityDays", 90),
                java.util.Map.entry("documentsAvailableUntil", now.plus(Duration.ofDays(7)).toString()),
                java.util.Map.entry("notice", "现对云州市图书馆改扩建工程进行公开招标。"), java.util.Map.entry("tendereeId", tendereeId),
                java.util.Map.entry("lots", java.util.List.of(java.util.Map.of("name", "施工标段", "estimatedPrice", "25000000.00")))));
    }

    /** A fresh project code. */
    public static String projectCode() {
        return "IT-" + System.nanoTime() % 100_000_000;
    }

    /**
     * An evaluation plan (comprehensive method): three qualification items, technical T1 (30) and T2 (15), commercial
     * C1 (10) and C2 (5), price by the benchmark formula out of 40; a member's total 15 points off the others' mean is
     * extreme.
     */
    /** The five bids the evaluation tests seal: bidder and total price (bidder5 the lowest). */
    public static final String[][] FIVE_BIDS = {{"bidder1", "36280000.00"}, {"bidder2", "35700000.00"},
            {"bidder3", "37150000.00"}, {"bidder4", "36800000.00"}, {"bidder5", "34500000.00"}};

    public static final String EVALUATION_PLAN = """
            {"stateFunded":true,
             "qualification":[{"code":"Q1","text":"营业执照、资质证书有效"},{"code":"Q2","text":"投标保证金已按要求提交"},
                              {"code":"Q3","text":"投标报价未超过招标控制价"}],
             "technical":[{"code":"T1","text":"施工组织设计","points":30},{"code":"T2","text":"项目管理机构","points":15}],
             "commercial":[{"code":"C1","text":"类似工程业绩","points":10},{"code":"C2","text":"企业信誉","points":5}],
             "price":{"formula":"BENCHMARK_PRICE","dropExtremesFrom":5,"kMin":"0.01","kMax":"0.03","kStep":"0.005",
                      "maxPoints":"40","pointsPerPercentAbove":"1","pointsPerPercentBelow":"0.5"},
             "extremeThreshold":"15","tieRule":"LOWER_PRICE"}""";

    /** A score sheet for {@link #EVALUATION_PLAN}: every criterion of every bid near {@code level} (out of 30/15/10/5). */
    public static java.util.Map<String, Object> scoreSheet(Iterable<String> bidders, int level) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (String b : bidders) {
            out.put(b, new java.util.LinkedHashMap<>(java.util.Map.of("T1", String.valueOf(level), "T2", String.valueOf(level / 2),
                    "C1", String.valueOf(level / 3), "C2", String.valueOf(level / 5))));
        }
        return out;
    }
}
