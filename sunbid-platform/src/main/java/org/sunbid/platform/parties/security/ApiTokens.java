package org.sunbid.platform.parties.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.kernel.SunbidProperties;

/**
 * Opaque API bearer tokens: 256 random bits handed out once; only their SM3 hash is stored, so a copy of the database
 * yields no usable token. A token dies at its expiry or when revoked.
 */
@Component
class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SunbidProperties properties;

    private final org.springframework.transaction.support.TransactionTemplate readOnly;

    ApiTokens(JdbcClient jdbc, Clock clock, SunbidProperties properties,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        this.properties = properties;
    }

    record IssuedToken(String token, Instant expiresAt) {
    }

    @Transactional
    IssuedToken issue(UUID accountId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "sbt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(properties.security().apiTokenTtl());
        jdbc.sql("INSERT INTO api_token (token_hash, account_id, created_at, expires_at) VALUES (:h, :a, :now, :exp)")
                .param("h", Sm3.hex(token)).param("a", accountId).param("now", now).param("exp", expires).update();
        return new IssuedToken(token, expires.toInstant());
    }

    /** The account a live token belongs to. */
    Optional<UUID> accountOf(String token) {
        return jdbc.sql("SELECT account_id FROM api_token WHERE token_hash = :h AND revoked_at IS NULL AND expires_at > :now")
                .param("h", Sm3.hex(token)).param("now", OffsetDateTime.now(clock)).query(UUID.class).optional();
    }

    /** How long a token's account, once read, is used without reading it again (revocation here clears it at once). */
    static final long CACHE_NANOS = 1_000_000_000L;
    private static final int CACHE_MAX = 50_000;

    private record Cached(Object account, Instant expiresAt, long readAt) {
    }

    private final Map<String, Cached> recent = new ConcurrentHashMap<>();

    /**
     * What {@code load} makes of the account a live token belongs to (empty for an unknown, expired or revoked token).
     * The hot path of every API request (a live auction takes thousands of bids a second): the token's row and its
     * account are read at most once a second per token; the expiry is checked against the clock on every request and
     * {@link #revoke} forgets the token at once, so a revoked or expired token is refused immediately; an account
     * disabled in the database is refused within a second.
     */
    @SuppressWarnings("unchecked")
    <T> Optional<T> resolve(String token, Function<UUID, Optional<T>> load) {
        Instant now = clock.instant();
        Cached cached = recent.get(token);
        if (cached != null && System.nanoTime() - cached.readAt() < CACHE_NANOS && now.isBefore(cached.expiresAt())) {
            return Optional.ofNullable((T) cached.account());
        }
        long readAt = System.nanoTime();
        // the token's row and its account in one read-only transaction: one connection borrowed, not two (issue 21)
        record Read<T>(Map<String, Object> row, Optional<T> account) {
        }
        Read<T> read = readOnly.execute(status -> {
            Optional<Map<String, Object>> found = jdbc.sql(
                    "SELECT account_id, expires_at FROM api_token WHERE token_hash = :h AND revoked_at IS NULL AND expires_at > :now")
                    .param("h", Sm3.hex(token)).param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                    .query().listOfRows().stream().findFirst();
            return found.map(r -> new Read<>(r, load.apply((UUID) r.get("account_id")))).orElse(null);
        });
        if (read == null) {
            recent.remove(token);
            return Optional.empty();
        }
        Optional<Map<String, Object>> row = Optional.of(read.row());
        Optional<T> account = read.account();
        Object expires = row.get().get("expires_at");
        Instant expiresAt = expires instanceof java.sql.Timestamp t ? t.toInstant()
                : expires instanceof OffsetDateTime o ? o.toInstant() : now;
        if (recent.size() >= CACHE_MAX) {
            recent.clear();
        }
        recent.put(token, new Cached(account.orElse(null), expiresAt, readAt));
        return account;
    }

    @Transactional
    void revoke(String token) {
        recent.remove(token);
        jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE token_hash = :h AND revoked_at IS NULL")
                .param("now", OffsetDateTime.now(clock)).param("h", Sm3.hex(token)).update();
        // a request reading the token before this commits must not keep it cached afterwards
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            recent.remove(token);
                        }
                    });
        }
    }
}
