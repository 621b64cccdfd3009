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

    /** Sends every pending instruction; returns how many the banks took. */
    @Scheduled(fixedDelayString = "${sunbid.payments.refund-interval:PT10S}")
    public int dispatchPending() {
        List<Pending> pending = jdbc.sql("""
                SELECT r.id, r.bank_code, r.amount, r.payee_name, r.payee_account, p.bank_txn_id
                FROM refund_instruction r JOIN bank_payment p ON p.id = r.payment_id
                WHERE r.status = 'PENDING' ORDER BY r.created_at, r.id LIMIT 100""")
                .query((rs, i) -> new Pending(rs.getObject("id", UUID.class), rs.getString("bank_code"),
                        new Money(rs.getBigDecimal("amount")), rs.getString("payee_name"), rs.getString("payee_account"),
                        rs.getString("bank_txn_id")))
                .list();
        int taken = 0;
        for (Pending p : pending) {
            Bank bank = banks.adapter(p.bankCode()).orElse(null);
            if (bank == null) {
                log.warn("refund {} waits: no adapter for bank {}", p.id(), p.bankCode());
                continue;
            }
            try { // outside any transaction: the bank may call back before we record its answer
                String reference = bank.refund(new Bank.RefundOrder(p.id().toString(), p.amount(), p.payeeName(),
                        p.payeeAccount(), p.txnId()));
                taken += jdbc.sql("""
                        UPDATE refund_instruction SET status = 'SUBMITTED', bank_reference = :ref, updated_at = :at
                        WHERE id = :id AND status = 'PENDING'""")
                        .param("ref", reference).param("at", Deposits.utc(clock.instant())).param("id", p.id()).update();
            } catch (Bank.BankUnavailableException e) {
                log.warn("refund {} waits: bank {} did not take it ({})", p.id(), p.bankCode(), e.getMessage());
            }
        }
        return taken;
    }
}
