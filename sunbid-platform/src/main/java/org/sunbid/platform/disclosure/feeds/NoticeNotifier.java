package org.sunbid.platform.disclosure.feeds;

import java.time.Instant;
import java.util.UUID;

import org.sunbid.platform.disclosure.NoticeType;

/**
 * The port through which subscribers are told of a new notice (mail or SMS in production, a sandbox here). A delivery
 * may be attempted more than once (the outbox delivers at least once): {@link Notification#deliveryId()} is the same
 * on every attempt, for the gateway to recognise a repeat. A failure is an exception; the outbox retries.
 */
interface NoticeNotifier {

    /**
     * What is sent: only what the notice shows publicly.
     *
     * @param deliveryId       the outbox row's id, the same on every attempt
     * @param accountId        the subscriber's account
     * @param subscriptionId   the subscription
     * @param subscriptionName the name its owner gave it
     * @param noticeId         the notice's stable id
     * @param type             the kind of notice
     * @param title            the notice's title as published
     * @param url              the portal page showing it (absolute where the platform's address is known)
     * @param publishedAt      when it was published
     */
    record Notification(UUID deliveryId, UUID accountId, UUID subscriptionId, String subscriptionName, String noticeId,
            NoticeType type, String title, String url, Instant publishedAt) {
    }

    void send(Notification notification);
}
