package org.sunbid.platform.payments;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who paid each bidder's deposit on a tender, as evidence for 招标投标法实施条例 Art. 40 (六) (deposits paid from the
 * same unit's or person's account): every bank payment into a bidder's deposit sub-account, the payer's account as a
 * keyed hash per tender ({@link PayerVault}), never the account itself. The account stays in {@code bank_payment}
 * as the bank sent it, because a refund must go back to it; what leaves payments is the hash.
 *
 * <p>For supervision's check, which asks only after the opening (the caller's rule: who paid is secret until then).
 */
@Service
public class DepositPayers {

    /**
     * One payment into a bidder's deposit account.
     *
     * @param bidderId    the bidder whose deposit it paid
     * @param payerHash   the keyed hash (hex) of the payer's account
     * @param outcome     how payments took it (CREDITED, NOT_BASIC_ACCOUNT, ...)
     */
    public record Payer(UUID bidderId, String payerHash, String outcome) {
        public Payer {
            Objects.requireNonNull(bidderId, "bidderId");
            Objects.requireNonNull(payerHash, "payerHash");
        }
    }

    private final JdbcClient jdbc;
    private final PayerVault vault;

    DepositPayers(JdbcClient jdbc, PayerVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /** Every payment into a deposit account of {@code tenderId}, by bidder, the payer hashed. */
    public List<Payer> of(UUID tenderId) {
        return jdbc.sql("""
                SELECT a.bidder_id, p.payer_account, p.outcome FROM bank_payment p
                JOIN deposit_account a ON a.id = p.deposit_account_id
                WHERE a.tender_id = :t AND p.payer_account IS NOT NULL AND p.payer_account <> ''
                ORDER BY a.bidder_id, p.payer_account""")
                .param("t", tenderId)
                .query((rs, n) -> new Payer(rs.getObject("bidder_id", UUID.class),
                        vault.payer(tenderId, rs.getString("payer_account")), rs.getString("outcome")))
                .list().stream().distinct().toList();
    }
}
