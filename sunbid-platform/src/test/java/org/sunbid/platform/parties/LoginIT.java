package org.sunbid.platform.parties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;

/** Password login with lock-out, and API tokens that expire and can be revoked. */
class LoginIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private ApiClient.Response login(String username, String password) {
        return api.post("/api/v1/auth/token", ApiClient.json(java.util.Map.of("username", username, "password", password)), null);
    }

    @Test
    void passwordsAreStoredAsArgon2Hashes() {
        String hash = jdbc.sql("SELECT password_hash FROM account WHERE username = 'tenderee'").query(String.class).single();
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            ApiClient.Response wrong = login("tenderee2", "wrong-password-" + i);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.code()).isEqualTo("BAD_CREDENTIALS");
        }
        ApiClient.Response locked = login("tenderee2", PASSWORD);
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(locked.json().path("detail").asString()).contains("锁定");

        clock.advance(Duration.ofMinutes(14));
        assertThat(login("tenderee2", PASSWORD).status()).as("still locked after 14 minutes").isEqualTo(423);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(login("tenderee2", PASSWORD).status()).isEqualTo(200);
        // the successful login clears the lock state entirely
        assertThat(jdbc.sql("SELECT locked_until IS NULL AND failed_logins = 0 FROM account WHERE username = 'tenderee2'")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        for (int i = 0; i < 4; i++) {
            login("agency", "nope-" + i);
        }
        assertThat(login("agency", PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            login("agency", "nope-again-" + i);
        }
        assertThat(login("agency", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void unknownUserGetsTheSameAnswerAsAWrongPassword() {
        ApiClient.Response unknown = login("nobody-here", "whatever-password");
        ApiClient.Response wrong = login("bidder7", "whatever-password");
        assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
        assertThat(unknown.json().path("detail").asString()).isEqualTo(wrong.json().path("detail").asString());
    }

    @Test
    void aRevokedTokenNoLongerWorks() {
        String token = api.freshToken("bidder6");
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/auth/token", token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
    }

    @Test
    void tokensExpireAfterEightHours() {
        String token = api.freshToken("bidder5");
        clock.advance(Duration.ofHours(8).minusSeconds(1));
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        String token = api.freshToken("bidder4");
        long stored = jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = :t").param("t", token).query(Long.class).single();
        assertThat(stored).isZero();
    }

    @Test
    void meDescribesTheAccount() {
        var me = api.get("/api/v1/me", api.token("qs-centre")).json();
        assertThat(me.path("role").asString()).isEqualTo("CENTRE_STAFF");
        assertThat(me.path("regionCode").asString()).isEqualTo("990121");
        assertThat(me.has("passwordHash")).isFalse();
    }
}
