package org.sunbid.platform.evaluation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.evaluation.EvaluationStore.Loaded;
import org.sunbid.platform.evaluation.domain.AbnormalPrice;
import org.sunbid.platform.evaluation.domain.PriceReview;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.FileStore;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.sealing.OpenedBid;

/**
 * The review of abnormally low prices (异常低价审查), 财政部令第87号 Art. 60 and 财库〔2026〕2号 (from 2026-02-01), a step
 * that government procurement has and the construction tender lacks: once the qualification review is complete, the
 * quoted prices of the qualified bids are compared with the thresholds in force at the review's date
 * ({@code AbnormalPrice.triggers}; before 2026-02-01 there are none and only the panel's judgement counts); each
 * triggered bid gets a {@link PriceReview} with a deadline the procedure's {@code LOW_PRICE_EXPLANATION} away; the
 * supplier's staff (a bidder account of that organisation) explain in writing with cost-evidence files; the panel's
 * leader records the panel's decision (accepted, or the bid is invalid); a review not explained by the deadline lapses
 * and the bid is invalid. The evaluation stays in {@link Stage#QUALIFICATION} until every review is decided, then the
 * valid bids go on ({@link PriceScores#proceed}). Each step is in the transparency log.
 */
@Component
class PriceReviews {

    /** The largest cost-evidence file, and how many a explanation may carry. */
    static final int MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
    static final int MAX_EVIDENCE_FILES = 5;

    private final JdbcClient jdbc;
    private final EvaluationStore store;
    private final EvaluationQueries queries;
    private final PriceScores priceScores;
    private final ProcurementRules procurement;
    private final FileStore files;
    private final AuditLog log;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    PriceReviews(JdbcClient jdbc, EvaluationStore store, EvaluationQueries queries, PriceScores priceScores,
            ProcurementRules procurement, FileStore files, AuditLog log, Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.store = store;
        this.queries = queries;
        this.priceScores = priceScores;
        this.procurement = procurement;
        this.files = files;
        this.log = log;
        this.clock = clock;
    }

    /**
     * After the qualification review: opens a review for each triggered bid (the evaluation waits), or lets the qualified
     * bids go on at once. Too few qualified bids (87号令 Art. 44) fail the evaluation before any review opens.
     */
    void openOrProceed(Loaded ev, List<OpenedBid> qualified) {
        Instant now = clock.instant();
        Optional<ProcurementRules.Gp> gp = procurement.at(ev.tenderId(), now);
        if (gp.isEmpty() || qualified.isEmpty() || !gp.get().quorum().mayEvaluate(qualified.size())) {
            priceScores.proceed(ev, qualified);
            return;
        }
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        qualified.forEach(b -> prices.put(b.bidderId().toString(), b.price()));
        Map<String, Set<AbnormalPrice.Trigger>> triggered = AbnormalPrice.triggers(prices, gp.get().cap(),
                gp.get().thresholds(), Set.of());
        if (triggered.isEmpty()) {
            priceScores.proceed(ev, qualified);
            return;
        }
        Instant deadline = now.plus(gp.get().explanationTime());
        triggered.forEach((bidder, why) -> {
            PriceReview review = PriceReview.request(bidder, why, now, deadline, gp.get().explanationTime());
            jdbc.sql("""
                    INSERT INTO evaluation_price_review (tender_id, bidder_id, triggers, requested_at, deadline, status)
                    VALUES (:t, :b, :tr, :at, :due, 'REQUESTED')""")
                    .param("t", ev.tenderId()).param("b", UUID.fromString(bidder)).param("tr", names(review.triggers()))
                    .param("at", EvaluationStore.utc(now)).param("due", EvaluationStore.utc(deadline)).update();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("tenderId", ev.tenderId().toString());
            payload.put("bidderId", bidder);
            payload.put("bidder", ev.bid(bidder).bidder());
            payload.put("price", prices.get(bidder).toPlainString());
            payload.put("triggers", names(review.triggers()));
            payload.put("deadline", deadline.toString());
            payload.put("thresholds", gp.get().thresholds().map(t -> Map.<String, Object>of("ofMean", t.ofMean().toPlainString(),
                    "ofNextLowest", t.ofNextLowest().toPlainString(), "ofCap", t.ofCap().toPlainString(),
                    "cap", gp.get().cap().toPlainString())).orElse(Map.of()));
            payload.put("rule", "财政部令第87号第六十条；财库〔2026〕2号：投标报价明显低于其他通过符合性审查投标人的报价，"
                    + "有可能影响产品质量或者不能诚信履约的，应当要求其在合理时间内提供书面说明，必要时提交相关证明材料");
            log.record(AuditRecord.of("evaluation.price-review.requested", ev.tenderId().toString(), ev.region(), Actor.SYSTEM,
                    payload));
        });
    }

    /**
     * The supplier explains its price in writing with cost evidence, up to the deadline: a bidder account of the
     * organisation whose bid is under review. Refused: no review of the caller's organisation
     * ({@code PRICE_REVIEW_NOT_FOUND}), no text or no evidence ({@code PRICE_EXPLANATION_INCOMPLETE}), after the
     * deadline or explained already ({@code PRICE_REVIEW_STATE}).
     */
    public Map<String, Object> explain(UUID tenderId, String text, List<Evaluations.PriceEvidence> evidence, CurrentUser user) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(EvaluationError.PRICE_REVIEW_NOT_FOUND);
        }
        if ((text != null && text.strip().length() > 4000) || (evidence != null && evidence.size() > MAX_EVIDENCE_FILES)) {
            throw new DomainException(EvaluationError.PRICE_EXPLANATION_INCOMPLETE);
        }
        List<FileStore.Upload> uploads = new ArrayList<>();
        try { // the files are stored first, referenced in the transaction, and let go after it (FileStore.Upload)
            List<Map<String, Object>> stored = new ArrayList<>();
            for (Evaluations.PriceEvidence e : evidence == null ? List.<Evaluations.PriceEvidence>of() : evidence) {
                String name = e == null || e.name() == null ? "" : e.name().strip().replaceAll("[\\\\/\\p{Cntrl}]", "_");
                byte[] bytes = decode(e == null ? null : e.contentBase64());
                if (name.isEmpty() || name.length() > 200 || bytes == null || bytes.length == 0) {
                    throw new DomainException(EvaluationError.PRICE_EXPLANATION_INCOMPLETE);
                }
                FileStore.Upload upload = files.store(new ByteArrayInputStream(bytes), MAX_EVIDENCE_BYTES);
                uploads.add(upload);
                stored.add(Map.of("name", name, "sm3", upload.sm3(), "size", upload.size()));
            }
            tx.executeWithoutResult(s -> record(tenderId, text, stored, user));
        } catch (FileStore.TooLargeException e) {
            throw new DomainException(EvaluationError.PRICE_EXPLANATION_INCOMPLETE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            uploads.forEach(FileStore.Upload::close);
        }
        return mine(tenderId, user);
    }

    private void record(UUID tenderId, String text, List<Map<String, Object>> stored, CurrentUser user) {
        Loaded ev = store.find(tenderId).isPresent() ? store.lock(tenderId) : null;
        UUID bidder = user.organisationId();
        PriceReview review = ev == null ? null : load(tenderId, bidder).orElse(null);
        if (review == null) {
            throw new DomainException(EvaluationError.PRICE_REVIEW_NOT_FOUND);
        }
        Instant now = clock.instant();
        review.explain(text, stored.stream().map(m -> (String) m.get("sm3")).toList(), now); // refused after the deadline
        jdbc.sql("""
                UPDATE evaluation_price_review SET status = 'EXPLAINED', explanation = :x, evidence = :e, explained_at = :at,
                    explained_by = :by WHERE tender_id = :t AND bidder_id = :b AND status = 'REQUESTED'""")
                .param("x", review.explanation().text()).param("e", CanonicalJson.write(stored))
                .param("at", EvaluationStore.utc(now)).param("by", user.username()).param("t", tenderId).param("b", bidder)
                .update();
        for (Map<String, Object> m : stored) {
            files.reference((String) m.get("sm3"), "evaluation.price-explanation:" + tenderId + ":" + bidder);
        }
        log.record(AuditRecord.of("evaluation.price-review.explained", tenderId.toString(), ev.region(), user.actor(),
                Map.of("tenderId", tenderId.toString(), "bidderId", bidder.toString(),
                        "explanationSm3", org.sunbid.crypto.Sm3.hex(review.explanation().text()), "evidence", stored)));
    }

    private static byte[] decode(String base64) {
        if (base64 == null || base64.length() > MAX_EVIDENCE_BYTES / 3 * 4 + 4) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The caller's organisation's review on {@code tenderId}: its status, deadline and explanation. */
    public Map<String, Object> mine(UUID tenderId, CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            throw new DomainException(EvaluationError.PRICE_REVIEW_NOT_FOUND);
        }
        return rows(tenderId).stream().filter(r -> r.get("bidderId").equals(user.organisationId().toString())).findFirst()
                .orElseThrow(() -> new DomainException(EvaluationError.PRICE_REVIEW_NOT_FOUND));
    }

    /**
     * The panel's leader records the panel's decision on an explained review: accepted (the bid stays) or rejected (the
     * bid is invalid), with the reason. Reviews past their deadline lapse first. When every review is decided the
     * valid bids go on.
     */
    @Transactional
    public EvaluationView decide(UUID tenderId, String bidderId, boolean accept, String reason, CurrentUser user) {
        Loaded ev = store.lock(tenderId);
        EvaluationStore.requireMember(ev, user);
        if (!user.username().equals(ev.leader())) {
            throw new DomainException(EvaluationError.NOT_THE_LEADER);
        }
        if (ev.stage() != Stage.NEGOTIATION) { // after a negotiation's close the reviews run on the final offers
            EvaluationStore.requireStage(ev, Stage.QUALIFICATION);
        }
        Instant now = clock.instant();
        UUID bidder = parse(bidderId);
        PriceReview review = load(tenderId, bidder).orElseThrow(() -> new DomainException(EvaluationError.PRICE_REVIEW_NOT_FOUND));
        review.lapseIfDue(now); // past its deadline unexplained: refused below (LAPSED); lapseDue records it
        if (accept) {
            review.accept(reason);
        } else {
            review.reject(reason);
        }
        jdbc.sql("""
                UPDATE evaluation_price_review SET status = :s, panel_reason = :r, decided_at = :at, decided_by = :by
                WHERE tender_id = :t AND bidder_id = :b AND status = 'EXPLAINED'""")
                .param("s", review.status().name()).param("r", review.panelReason()).param("at", EvaluationStore.utc(now))
                .param("by", user.username()).param("t", tenderId).param("b", bidder).update();
        log.record(AuditRecord.of("evaluation.price-review.decided", tenderId.toString(), ev.region(), user.actor(),
                Map.of("tenderId", tenderId.toString(), "bidderId", bidder.toString(), "decision", review.status().name(),
                        "bidInvalid", review.status().invalidatesBid(), "reason", review.panelReason(),
                        "rule", "财政部令第87号第六十条：投标人不能证明其报价合理性的，评标委员会应当将其作为无效投标处理")));
        concludeIfDecided(store.lock(tenderId));
        return queries.view(tenderId, user);
    }

    /** Every review past its deadline without an explanation lapses (the bid is invalid); run by the scheduler too. */
    @Scheduled(fixedDelayString = "${sunbid.evaluation.price-review-interval:PT1M}")
    @Transactional
    public int lapseDue() {
        Instant now = clock.instant();
        List<UUID> tenders = jdbc.sql("""
                SELECT DISTINCT tender_id FROM evaluation_price_review WHERE status = 'REQUESTED' AND deadline < :now""")
                .param("now", EvaluationStore.utc(now)).query(UUID.class).list();
        int lapsed = 0;
        for (UUID tenderId : tenders) {
            Loaded ev = store.lock(tenderId);
            for (UUID bidder : jdbc.sql("""
                    SELECT bidder_id FROM evaluation_price_review WHERE tender_id = :t AND status = 'REQUESTED' AND deadline < :now""")
                    .param("t", tenderId).param("now", EvaluationStore.utc(now)).query(UUID.class).list()) {
                if (lapse(ev, bidder, now)) {
                    lapsed++;
                }
            }
            concludeIfDecided(store.lock(tenderId));
        }
        return lapsed;
    }

    private boolean lapse(Loaded ev, UUID bidder, Instant now) {
        int moved = jdbc.sql("""
                UPDATE evaluation_price_review SET status = 'LAPSED', decided_at = :at, decided_by = 'system'
                WHERE tender_id = :t AND bidder_id = :b AND status = 'REQUESTED' AND deadline < :at""")
                .param("at", EvaluationStore.utc(now)).param("t", ev.tenderId()).param("b", bidder).update();
        if (moved == 1) {
            log.record(AuditRecord.of("evaluation.price-review.lapsed", ev.tenderId().toString(), ev.region(), Actor.SYSTEM,
                    Map.of("tenderId", ev.tenderId().toString(), "bidderId", bidder.toString(), "bidInvalid", true,
                            "rule", "财政部令第87号第六十条：投标人未在规定时间内提供书面说明及证明材料的，其投标无效")));
        }
        return moved == 1;
    }

    /** With every review decided, the bids that are still valid go on. */
    private void concludeIfDecided(Loaded ev) {
        if ((ev.stage() != Stage.QUALIFICATION && ev.stage() != Stage.NEGOTIATION) || ev.qualificationJson() == null) {
            return;
        }
        List<Map<String, Object>> reviews = rows(ev.tenderId());
        if (reviews.isEmpty() || reviews.stream().anyMatch(r -> !decided((String) r.get("status")))) {
            return;
        }
        Set<String> invalid = new LinkedHashSet<>();
        reviews.stream().filter(r -> PriceReview.Status.valueOf((String) r.get("status")).invalidatesBid())
                .forEach(r -> invalid.add((String) r.get("bidderId")));
        List<OpenedBid> valid = new ArrayList<>();
        for (Map<String, Object> q : store.readList(ev.qualificationJson())) {
            String bidder = (String) q.get("bidderId");
            if (Boolean.TRUE.equals(q.get("passed")) && !invalid.contains(bidder)
                    && (ev.finalists() == null || ev.finalists().contains(bidder))) {
                valid.add(ev.bid(bidder));
            }
        }
        priceScores.proceed(ev, valid);
    }

    private static boolean decided(String status) {
        return !status.equals("REQUESTED") && !status.equals("EXPLAINED");
    }

    /** The review of {@code bidder}, replayed into the state machine. */
    private Optional<PriceReview> load(UUID tenderId, UUID bidder) {
        return jdbc.sql("SELECT * FROM evaluation_price_review WHERE tender_id = :t AND bidder_id = :b").param("t", tenderId)
                .param("b", bidder).query().listOfRows().stream().findFirst().map(r -> {
                    Set<AbnormalPrice.Trigger> triggers = EnumSet.noneOf(AbnormalPrice.Trigger.class);
                    Arrays.stream(((String) r.get("triggers")).split(",")).forEach(t -> triggers.add(AbnormalPrice.Trigger.valueOf(t)));
                    Instant requested = instant(r.get("requested_at"));
                    Instant deadline = instant(r.get("deadline"));
                    PriceReview review = PriceReview.request(bidder.toString(), triggers, requested, deadline, java.time.Duration.ZERO);
                    String status = (String) r.get("status");
                    if (r.get("explanation") != null) {
                        review.explain((String) r.get("explanation"), evidenceSm3s((String) r.get("evidence")),
                                instant(r.get("explained_at")));
                    }
                    switch (status) {
                        case "ACCEPTED" -> review.accept((String) r.get("panel_reason"));
                        case "REJECTED" -> review.reject((String) r.get("panel_reason"));
                        case "LAPSED" -> review.lapseIfDue(deadline.plusSeconds(1));
                        default -> {
                        }
                    }
                    return review;
                });
    }

    private List<String> evidenceSm3s(String json) {
        List<String> out = new ArrayList<>();
        if (json != null) {
            store.readList(json).forEach(m -> out.add((String) m.get("sm3")));
        }
        return out;
    }

    /** Every review of {@code tenderId}, in the order they were opened. */
    List<Map<String, Object>> rows(UUID tenderId) {
        return store.priceReviews(tenderId);
    }

    private static String names(Set<AbnormalPrice.Trigger> triggers) {
        return String.join(",", triggers.stream().map(Enum::name).sorted().toList());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException e) {
            throw new DomainException(EvaluationError.PRICE_REVIEW_NOT_FOUND);
        }
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof java.time.OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
    }
}
