package org.sunbid.platform.parties.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

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

    ApiTokens(JdbcClient jdbc, Clock clock, SunbidProperties properties) {
        this.jdbc = jdbc;
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

    @Transactional
    void revoke(String token) {
        jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE token_hash = :h AND revoked_at IS NULL")
                .param("now", OffsetDateTime.now(clock)).param("h", Sm3.hex(token)).update();
    }
}
