package org.sunbid.platform.payments;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm3;

/**
 * The banks the platform works with: the {@link Bank} adapters present, registered in the {@code bank} table with the
 * certificate their notifications are checked against. New deposit accounts open at the configured deposit bank.
 */
@Component
class Banks {

    private final JdbcClient jdbc;
    private final Map<String, Bank> adapters;
    private final String depositBank;
    private final Clock clock;

    Banks(JdbcClient jdbc, List<Bank> adapters, @Value("${sunbid.payments.deposit-bank:SANDBOX}") String depositBank,
            Clock clock) {
        this.jdbc = jdbc;
        this.adapters = adapters.stream().collect(Collectors.toMap(Bank::code, Function.identity()));
        this.depositBank = depositBank;
        this.clock = clock;
        register();
    }

    private void register() {
        for (Bank bank : adapters.values()) {
            jdbc.sql("""
                    INSERT INTO bank (code, name, account_prefix, certificate_pem, registered_at)
                    VALUES (:code, :name, :prefix, :pem, :at)
                    ON CONFLICT (code) DO UPDATE SET name = :name, account_prefix = :prefix, certificate_pem = :pem""")
                    .param("code", bank.code()).param("name", bank.name()).param("prefix", bank.accountPrefix())
                    .param("pem", Pem.encode(bank.certificate()))
                    .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        }
    }

    /** The bank new deposit accounts open at. */
    Bank depositBank() {
        Bank bank = adapters.get(depositBank);
        if (bank == null) {
            throw new IllegalStateException("no bank adapter for sunbid.payments.deposit-bank=" + depositBank);
        }
        return bank;
    }

    Optional<Bank> adapter(String code) {
        return Optional.ofNullable(adapters.get(code));
    }

    /**
     * The registered certificate of bank {@code code}, if the platform works with it now (its adapter is present: a
     * disabled sandbox bank's key signs nothing that counts).
     */
    Optional<X509Certificate> certificate(String code) {
        if (!adapters.containsKey(code)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT certificate_pem FROM bank WHERE code = :code").param("code", code).query(String.class)
                .optional().map(pem -> {
                    try {
                        return Pem.certificate(pem);
                    } catch (CertificateException e) {
                        throw new IllegalStateException("bank " + code + " has an unreadable certificate", e);
                    }
                });
    }

    Optional<String> name(String code) {
        return jdbc.sql("SELECT name FROM bank WHERE code = :code").param("code", code).query(String.class).optional();
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return Sm3.hex(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
