package org.sunbid.platform.disclosure.feeds;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.disclosure.NoticeSubscriptions;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;

/** The subscriptions of each account ({@code notice_subscription}); see {@link NoticeSubscriptions}. */
@Service
class Subscriptions implements NoticeSubscriptions {

    static final int MAX_PER_ACCOUNT = 50;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Regions regions;
    private final ObjectProvider<SandboxNoticeNotifier> sandbox;

    Subscriptions(JdbcClient jdbc, Clock clock, Regions regions, ObjectProvider<SandboxNoticeNotifier> sandbox) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.regions = regions;
        this.sandbox = sandbox;
    }

    /** An active subscription with its parsed search, for matching. */
    record Active(UUID id, UUID accountId, String name, SavedSearch search, Instant createdAt) {
    }

    @Override
    public List<Subscription> mine(CurrentUser user) {
        return jdbc.sql("""
                SELECT s.id, s.name, s.search, s.created_at,
                       (SELECT COUNT(*) FROM notice_outbox o WHERE o.subscription_id = s.id AND o.delivered_at IS NOT NULL)
                FROM notice_subscription s WHERE s.account_id = :a AND s.cancelled_at IS NULL
                ORDER BY s.created_at DESC, s.id""")
                .param("a", user.accountId())
                .query((rs, i) -> new Subscription(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getLong(5)))
                .list();
    }

    @Override
    public Subscription subscribe(String name, String search, CurrentUser user) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException(FeedError.FEEDS_BAD_NAME);
        }
        if (search != null && search.length() > SavedSearch.MAX_LENGTH * 3) {
            throw new DomainException(FeedError.FEEDS_SEARCH_TOO_LONG, SavedSearch.MAX_LENGTH);
        }
        SavedSearch saved = SavedSearch.parse(search, this::regionExists);
        long active = jdbc.sql("SELECT COUNT(*) FROM notice_subscription WHERE account_id = :a AND cancelled_at IS NULL")
                .param("a", user.accountId()).query(Long.class).single();
        if (active >= MAX_PER_ACCOUNT) {
            throw new DomainException(FeedError.FEEDS_TOO_MANY_SUBSCRIPTIONS, MAX_PER_ACCOUNT);
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO notice_subscription (id, account_id, name, search, created_at, created_by)
                VALUES (:id, :a, :n, :s, :now, :by)""")
                .param("id", id).param("a", user.accountId()).param("n", trimmed).param("s", saved.canonical())
                .param("now", now).param("by", user.username()).update();
        return new Subscription(id, trimmed, saved.canonical(), now.toInstant(), 0);
    }

    @Override
    public void cancel(UUID id, CurrentUser user) {
        int changed = jdbc.sql("""
                UPDATE notice_subscription SET cancelled_at = :now, cancelled_by = :by
                WHERE id = :id AND account_id = :a AND cancelled_at IS NULL""")
                .param("now", OffsetDateTime.now(clock)).param("by", user.username()).param("id", id)
                .param("a", user.accountId()).update();
        if (changed != 1) {
            throw new DomainException(FeedError.FEEDS_SUBSCRIPTION_NOT_FOUND, id);
        }
    }

    @Override
    public List<Message> inbox(CurrentUser user) {
        SandboxNoticeNotifier notifier = sandbox.getIfAvailable();
        return notifier == null ? List.of() : notifier.inbox(user.accountId());
    }

    /** Every active subscription, for matching; one whose saved search no longer reads (a region removed) is skipped. */
    List<Active> active() {
        return jdbc.sql("SELECT id, account_id, name, search, created_at FROM notice_subscription WHERE cancelled_at IS NULL ORDER BY created_at, id")
                .query((rs, i) -> {
                    try {
                        return new Active(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                                SavedSearch.parse(rs.getString(4), this::regionExists),
                                rs.getObject(5, OffsetDateTime.class).toInstant());
                    } catch (DomainException e) {
                        return null;
                    }
                })
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    boolean regionExists(String code) {
        return regions.find(code).isPresent();
    }
}
