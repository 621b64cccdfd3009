package org.sunbid.platform.disclosure.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.disclosure.NationalExchange;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;

/**
 * A replay (重推): the records of everything public since a Beijing date rebuilt from the owning contexts and sent
 * again, delivered or not. The records are rebuilt from the facts alone (ids from the deal and lot codes, timestamps
 * from when the facts became public), so the same replay gives the same records and SM3s; the receiving side holds each
 * once. Centre staff and administrators only.
 */
@Component
class Replays implements NationalExchange {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Exporter exporter;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    Replays(Exporter exporter, Outbox outbox, JdbcClient jdbc, Clock clock) {
        this.exporter = exporter;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Replays from {@code from} as {@code user}; refused ({@code FORBIDDEN}) to anyone but centre staff and administrators. */
    @Override
    public Replay replay(LocalDate from, CurrentUser user) {
        requireStaff(user);
        List<ExchangeRecord> records = exporter.since(from.atStartOfDay(BEIJING).toInstant());
        List<RecordRef> refs = records.stream()
                .map(r -> new RecordRef(r.recordId(), r.dataset(), r.dealCode(), r.contentSm3())).toList();
        StringBuilder lines = new StringBuilder();
        refs.forEach(r -> lines.append(r.recordId()).append(' ').append(r.contentSm3()).append('\n'));
        String sm3 = Sm3.hex(lines.toString());
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        outbox.requeue(records, "replay:" + user.username());
        jdbc.sql("""
                INSERT INTO exchange_replay (id, from_date, requested_by, requested_at, records, records_sm3)
                VALUES (:id, :from, :by, :at, :records, :sm3)""")
                .param("id", id).param("from", from).param("by", user.username()).param("at", now.atOffset(ZoneOffset.UTC))
                .param("records", records.size()).param("sm3", sm3).update();
        int delivered = outbox.sendDue();
        return new Replay(id, from, now, records.size(), sm3, delivered, refs);
    }

    /** The stored receipts, newest first; centre staff and administrators only. */
    @Override
    public List<Receipt> receipts(CurrentUser user, int limit) {
        requireStaff(user);
        return outbox.receipts(Math.max(1, Math.min(limit, 500)));
    }

    @Override
    public Status status(CurrentUser user) {
        requireStaff(user);
        return outbox.status();
    }

    private static void requireStaff(CurrentUser user) {
        if (user == null || (user.role() != Role.CENTRE_STAFF && user.role() != Role.ADMINISTRATOR)) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
    }
}
