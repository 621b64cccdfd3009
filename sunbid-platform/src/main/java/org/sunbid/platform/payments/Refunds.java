package org.sunbid.platform.payments;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.sunbid.platform.kernel.Money;

/**
 * Sends pending refund instructions to their bank. An instruction the bank did not take stays PENDING and is sent
 * again; one taken becomes SUBMITTED with the bank's reference, and the bank's signed {@code refund} notification
 * completes or fails it. Banks deduplicate by instruction id, so a crash between sending and recording is harmless.
 */
@Service
public class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final JdbcClient jdbc;
    private final Banks banks;
    private final Clock clock;

    Refunds(JdbcClient jdbc, Banks banks, Clock clock) {
        this.jdbc = jdbc;
        this.banks = banks;
        this.clock = clock;
    }

    private record Pending(UUID id, String bankCode, Money amount, String payeeName, String payeeAccount, String txnId) {
    }

    /**
     * Sends every pending instruction; returns how many the banks took. Each is first claimed (SENDING) so that two
     * dispatchers never send the same one; an instruction left SENDING by a crash, or SUBMITTED without an outcome for
     * an hour (the bank lost it), is sent again: banks deduplicate by instruction id.
     */
    @Scheduled(fixedDelayString = "${sunbid.payments.refund-interval:PT10S}")
    public int dispatchPending() {
        java.time.Instant now = clock.instant();
        List<Pending> claimed = jdbc.sql("""
                WITH due AS (
                    SELECT id FROM refund_instruction
                    WHERE status = 'PENDING' OR (status = 'SENDING' AND updated_at < :stale)
                       OR (status = 'SUBMITTED' AND updated_at < :lost)
                    ORDER BY created_at, id LIMIT 100 FOR UPDATE SKIP LOCKED)
                UPDATE refund_instruction r SET status = 'SENDING', updated_at = :now
                FROM due, bank_payment p WHERE r.id = due.id AND p.id = r.payment_id
                RETURNING r.id, r.bank_code, r.amount, r.payee_name, r.payee_account, p.bank_txn_id""")
                .param("stale", Deposits.utc(now.minus(java.time.Duration.ofMinutes(10))))
                .param("lost", Deposits.utc(now.minus(java.time.Duration.ofHours(1)))).param("now", Deposits.utc(now))
                .query((rs, i) -> new Pending(rs.getObject("id", UUID.class), rs.getString("bank_code"),
                        new Money(rs.getBigDecimal("amount")), rs.getString("payee_name"), rs.getString("payee_account"),
                        rs.getString("bank_txn_id")))
                .list();
        int taken = 0;
        for (Pending p : claimed) {
            Bank bank = banks.adapter(p.bankCode()).orElse(null);
            try { // outside any transaction: the bank may call back before we record its answer
                if (bank == null) {
                    throw new Bank.BankUnavailableException("no adapter for bank " + p.bankCode(), null);
                }
                String reference = bank.refund(new Bank.RefundOrder(p.id().toString(), p.amount(), p.payeeName(),
                        p.payeeAccount(), p.txnId()));
                taken += jdbc.sql("""
                        UPDATE refund_instruction SET status = 'SUBMITTED', bank_reference = :ref, updated_at = :at
                        WHERE id = :id AND status = 'SENDING'""")
                        .param("ref", reference).param("at", Deposits.utc(clock.instant())).param("id", p.id()).update();
            } catch (Bank.BankUnavailableException e) {
                jdbc.sql("UPDATE refund_instruction SET status = 'PENDING', updated_at = :at WHERE id = :id AND status = 'SENDING'")
                        .param("at", Deposits.utc(clock.instant())).param("id", p.id()).update();
                log.warn("refund {} waits: bank {} did not take it ({})", p.id(), p.bankCode(), e.getMessage());
            }
        }
        return taken;
    }
}
