package org.sunbid.verifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.log.LoggedEntry;
import org.sunbid.crypto.log.TreeHead;

import tools.jackson.databind.JsonNode;

/**
 * Checks an evaluation report (评标报告): the PDF's SM3 is the one logged when it was generated; every member's
 * signature over the report text verifies with their certificate, issued under a trusted root; each signature and the
 * report's SM3 are in log entries that the platform's signed tree head includes.
 */
final class ReportCheck {

    private static final HexFormat HEX = HexFormat.of();

    private ReportCheck() {
    }

    /** The text each member signs, as the platform defines it. */
    static String challenge(String tenderId, String reportSm3) {
        return "阳光交易 评标报告签署 sunbid-evaluation-report:" + tenderId + ":" + reportSm3;
    }

    static Verdict check(LogClient client, DrawCheck.Log log, String tenderId, byte[] pdf, List<X509Certificate> roots,
            PublicKey platform)
            throws IOException, InterruptedException {
        JsonNode sigs = client.get("/api/v1/tenders/" + tenderId + "/evaluation/report/signatures");
        String sm3 = sigs.path("reportSm3").asString();
        if (!Sm3.hex(pdf).equalsIgnoreCase(sm3)) {
            return Verdict.fail("the report's SM3 " + Sm3.hex(pdf) + " is not the one signed and logged (" + sm3 + ")");
        }
        JsonNode headJson = client.head();
        TreeHead head = new TreeHead(headJson.path("size").asLong(), HEX.parseHex(headJson.path("rootHash").asString()),
                Instant.parse(headJson.path("timestamp").asString()));
        if (!head.verify(platform, headJson.path("signature").asString())) {
            return Verdict.fail("the tree head of size " + head.size() + " is not signed by the platform");
        }
        String problem = logged(log, head, sigs.path("reportSeq").asLong(), "evaluation.report.generated", tenderId, sm3, null);
        if (problem != null) {
            return Verdict.fail(problem);
        }
        String text = challenge(tenderId, sm3);
        int members = sigs.path("members").asInt();
        List<String> names = new ArrayList<>();
        for (JsonNode s : sigs.path("signatures")) {
            String who = s.path("name").asString() + " (" + s.path("member").asString() + ")";
            X509Certificate certificate;
            try {
                certificate = Pem.certificate(s.path("certificatePem").asString());
            } catch (RuntimeException | java.security.cert.CertificateException e) {
                return Verdict.fail("the certificate of " + who + " cannot be read");
            }
            if (roots.stream().noneMatch(r -> issuedBy(certificate, r))) {
                return Verdict.fail("the certificate of " + who + " is not issued under a trusted root");
            }
            boolean valid;
            try {
                valid = Sm2.verify(certificate.getPublicKey(), text.getBytes(StandardCharsets.UTF_8),
                        Base64.getDecoder().decode(s.path("signature").asString()));
            } catch (IllegalArgumentException e) {
                valid = false;
            }
            if (!valid) {
                return Verdict.fail("the signature of " + who + " does not verify over the report");
            }
            problem = logged(log, head, s.path("logSeq").asLong(), "evaluation.report.signed", tenderId, sm3,
                    s.path("signature").asString());
            if (problem != null) {
                return Verdict.fail(problem);
            }
            names.add(who);
        }
        if (names.size() != members || members == 0) {
            return Verdict.fail(names.size() + " of " + members + " members signed the report");
        }
        return Verdict.ok("report " + sm3 + " of tender " + tenderId + ": " + members + " signatures verify, each in the signed log of "
                + head.size() + " entries");
    }

    private static boolean issuedBy(X509Certificate certificate, X509Certificate root) {
        try {
            certificate.verify(root.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Entry {@code seq}: of {@code action}, about this report (and signature), and in the signed tree. */
    private static String logged(DrawCheck.Log log, TreeHead head, long seq, String action, String tenderId, String sm3,
            String signature) throws IOException, InterruptedException {
        LoggedEntry.Read read = LoggedEntry.read(log, seq, action, head);
        if (read.problem() != null) {
            return read.problem();
        }
        JsonNode body = read.payload();
        if (!tenderId.equals(body.path("tenderId").asString()) || !sm3.equalsIgnoreCase(body.path("reportSm3").asString())
                || (signature != null && !signature.equals(body.path("signature").asString()))) {
            return "entry " + seq + " is not the " + action + " of this report";
        }
        return null;
    }
}
