package org.sunbid.platform.disclosure.feeds;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.platform.disclosure.NoticeSubscriptions;

/**
 * A sandbox mail/SMS gateway for subscriptions (沙箱通知): what it "sends" is kept in {@code sandbox_notice_message} and
 * shown on the subscriber's workbench page. A repeated delivery (same delivery id) is recognised and kept once, as a
 * real gateway's idempotency key would. Exists where the other sandboxes do ({@code ConditionalOnSandbox}).
 */
@Component
@org.sunbid.platform.kernel.ConditionalOnSandbox
class SandboxNoticeNotifier implements NoticeNotifier {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final JdbcClient jdbc;
    private final Clock clock;

    SandboxNoticeNotifier(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void send(Notification n) {
        String text = "【公告订阅】" + n.subscriptionName() + "：" + TIME.format(n.publishedAt()) + " 发布 " + n.title();
        jdbc.sql("""
                INSERT INTO sandbox_notice_message (delivery_id, account_id, subscription_id, notice_id, text, url, sent_at)
                VALUES (:d, :a, :s, :n, :t, :u, :now) ON CONFLICT (delivery_id) DO NOTHING""")
                .param("d", n.deliveryId()).param("a", n.accountId()).param("s", n.subscriptionId())
                .param("n", n.noticeId()).param("t", text.length() > 1500 ? text.substring(0, 1500) : text)
                .param("u", n.url()).param("now", OffsetDateTime.now(clock)).update();
    }

    /** The account's sandbox inbox, newest first. */
    List<NoticeSubscriptions.Message> inbox(UUID accountId) {
        return jdbc.sql("""
                SELECT delivery_id, text, url, sent_at FROM sandbox_notice_message WHERE account_id = :a
                ORDER BY sent_at DESC, delivery_id LIMIT 200""")
                .param("a", accountId)
                .query((rs, i) -> new NoticeSubscriptions.Message(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }
}
