package org.sunbid.platform.parties.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' record of security events (安全事件): failed logins and throttling, each with its source
 * address. It replaces the public log's lock-out entries: the transparency log never carries a username or any login
 * detail. A name that matches no account is not kept (it may be a password typed into the wrong field).
 */
@Component
class SecurityEvents {

    /** What happened. */
    enum Kind {
        /** A wrong password, or a name that matches no account. */
        LOGIN_FAILED,
        /** A source address reached its free failures and is refused for a while. */
        SOURCE_THROTTLED,
        /** An account reached its free failures: sources that have failed wait before trying it again. */
        ACCOUNT_THROTTLED
    }

    /** One event as administrators see it. */
    record SecurityEvent(long id, Instant occurredAt, Kind kind, String sourceAddress, UUID accountId, String username,
            int failures, Long waitSeconds) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SecurityEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records {@code kind} for an attempt from {@code source} naming {@code username}. */
    @Transactional
    void record(Kind kind, String source, String username, int failures, Duration wait) {
        jdbc.sql("""
                INSERT INTO security_event (occurred_at, kind, source_address, account_id, username, failures, wait_seconds, created_by)
                SELECT :now, :kind, :source, a.id, a.username, :failures, :wait, 'system'
                FROM (SELECT 1) one LEFT JOIN account a ON a.username = :username""")
                .param("now", OffsetDateTime.now(clock)).param("kind", kind.name()).param("source", source)
                .param("username", username).param("failures", failures)
                .param("wait", wait == null ? null : wait.toSeconds()).update();
    }

    /** The newest {@code limit} events, newest first. */
    List<SecurityEvent> newest(int limit) {
        return jdbc.sql("""
                SELECT id, occurred_at, kind, source_address, account_id, username, failures, wait_seconds
                FROM security_event ORDER BY id DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, i) -> new SecurityEvent(rs.getLong("id"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), Kind.valueOf(rs.getString("kind")),
                        rs.getString("source_address"), rs.getObject("account_id", UUID.class), rs.getString("username"),
                        rs.getInt("failures"), rs.getObject("wait_seconds", Long.class)))
                .list();
    }
}
