package org.sunbid.sealing;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm2;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bid withdrawal (撤回投标文件) as the bidder signs it, like the bid itself: the tender, the SM3 of the envelope being
 * withdrawn, when, and the bidder's unified social credit code, as canonical JSON (UTF-8) signed SM3withSM2 with the
 * bidder's key. The platform checks the signature against the bidder's registered certificate; at closing the statement
 * and signature are disclosed with the bid set, so anyone can see that the bidder — not an insider — withdrew it.
 * Shared by the platform, the bidder tool and the verifier.
 *
 * @param tenderId         the tender
 * @param envelopeSm3      the envelope withdrawn (hex)
 * @param withdrawnAt      when the bidder signed (its own clock; the platform records its own time of receipt)
 * @param bidderCreditCode the bidder's 统一社会信用代码
 */
public record Withdrawal(UUID tenderId, String envelopeSm3, Instant withdrawnAt, String bidderCreditCode) {

    /** The statement's type field. */
    public static final String TYPE = "sunbid.bid-withdrawal";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Withdrawal {
        if (tenderId == null || withdrawnAt == null || envelopeSm3 == null || !envelopeSm3.matches("[0-9a-f]{64}")
                || bidderCreditCode == null || !bidderCreditCode.matches("[0-9A-Z]{18}")) {
            throw new IllegalArgumentException("not a withdrawal statement");
        }
    }

    /** The canonical statement: the exact text (UTF-8) that is signed. */
    public String statement() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", TYPE);
        m.put("tenderId", tenderId.toString());
        m.put("envelopeSm3", envelopeSm3);
        m.put("withdrawnAt", withdrawnAt.toString());
        m.put("bidderCreditCode", bidderCreditCode);
        return CanonicalJson.write(m);
    }

    /** Reads a statement; only the canonical form of a withdrawal is accepted (what is signed is what is read). */
    public static Withdrawal parse(String statement) {
        try {
            JsonNode n = JSON.readTree(statement);
            if (!TYPE.equals(n.path("type").asString(""))) {
                throw new IllegalArgumentException("not a withdrawal statement");
            }
            Withdrawal w = new Withdrawal(UUID.fromString(n.path("tenderId").asString("")), n.path("envelopeSm3").asString(""),
                    Instant.parse(n.path("withdrawnAt").asString("")), n.path("bidderCreditCode").asString(""));
            if (!w.statement().equals(statement)) {
                throw new IllegalArgumentException("not the canonical statement");
            }
            return w;
        } catch (RuntimeException e) {
            throw e instanceof IllegalArgumentException i ? i : new IllegalArgumentException("not a withdrawal statement", e);
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
