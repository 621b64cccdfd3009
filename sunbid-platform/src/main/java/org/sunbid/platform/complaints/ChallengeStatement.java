package org.sunbid.platform.complaints;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.complaints.domain.ChallengeSubject;
import org.sunbid.platform.complaints.domain.LotFacts;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A challenge (质疑函) as the supplier signs it, like a bid withdrawal: the lot, the subject (and step), the claims, facts
 * and evidence, when, and the supplier's unified social credit code, as canonical JSON (UTF-8) signed SM3withSM2 with
 * the supplier's key; the platform checks the signature against the supplier's registered certificate and reads the
 * challenge only from the signed text (what is signed is what is read).
 */
public record ChallengeStatement(UUID lotId, ChallengeSubject subject, LotFacts.Step step, String claims, String facts,
        String evidence, Instant signedAt, String supplierCreditCode) {

    /** The statement's type field. */
    public static final String TYPE = "sunbid.challenge";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ChallengeStatement {
        if (lotId == null || subject == null || signedAt == null || supplierCreditCode == null
                || !supplierCreditCode.matches("[0-9A-Z]{18}")) {
            throw new IllegalArgumentException("not a challenge statement");
        }
        claims = claims == null ? "" : claims;
        facts = facts == null ? "" : facts;
        evidence = evidence == null ? "" : evidence;
    }

    /** The canonical statement: the exact text (UTF-8) that is signed. */
    public String statement() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", TYPE);
        m.put("lotId", lotId.toString());
        m.put("subject", subject.name());
        m.put("step", step == null ? null : step.name());
        m.put("claims", claims);
        m.put("facts", facts);
        m.put("evidence", evidence);
        m.put("signedAt", signedAt.toString());
        m.put("supplierCreditCode", supplierCreditCode);
        return CanonicalJson.write(m);
    }

    /** Reads a statement; only the canonical form is accepted. */
    public static ChallengeStatement parse(String statement) {
        try {
            JsonNode n = JSON.readTree(statement);
            if (!TYPE.equals(n.path("type").asString(""))) {
                throw new IllegalArgumentException("not a challenge statement");
            }
            String step = n.path("step").isNull() || n.path("step").isMissingNode() ? null : n.path("step").asString();
            ChallengeStatement s = new ChallengeStatement(UUID.fromString(n.path("lotId").asString("")),
                    ChallengeSubject.valueOf(n.path("subject").asString("")), step == null ? null : LotFacts.Step.valueOf(step),
                    n.path("claims").asString(""), n.path("facts").asString(""), n.path("evidence").asString(""),
                    Instant.parse(n.path("signedAt").asString("")), n.path("supplierCreditCode").asString(""));
            if (!s.statement().equals(statement)) {
                throw new IllegalArgumentException("not the canonical statement");
            }
            return s;
        } catch (RuntimeException e) {
            throw e instanceof IllegalArgumentException i ? i : new IllegalArgumentException("not a challenge statement", e);
        }
    }

    /** The base64 SM3withSM2 signature of the statement with {@code key}. */
    public String sign(PrivateKey key) {
        return Sm2.signText(key, statement());
    }

    /** Whether {@code signatureBase64} is a valid signature of this statement by {@code key}. */
    public boolean verify(PublicKey key, String signatureBase64) {
        return Sm2.verifyText(key, statement(), signatureBase64);
    }
}
