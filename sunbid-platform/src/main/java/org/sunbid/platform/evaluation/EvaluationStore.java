package org.sunbid.platform.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.platform.evaluation.domain.EvaluationPlan;
import org.sunbid.platform.evaluation.domain.Qualification;
import org.sunbid.platform.evaluation.domain.Scoring;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.sealing.OpenedBid;
import org.sunbid.platform.tendering.EvaluationMethod;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a stored evaluation with what every step needs (its plan, members, the evaluation's copy of the opened bids, the
 * reviews and score sheets rebuilt into {@link Qualification} and {@link Scoring}); {@link #lock} serialises the steps
 * on the evaluation's own row.
 */
@Component
class EvaluationStore {

    static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Tenders tenders;
    private final Openings openings;
    private final JsonMapper json;

    EvaluationStore(JdbcClient jdbc, Tenders tenders, Openings openings, JsonMapper json) {
        this.jdbc = jdbc;
        this.tenders = tenders;
        this.openings = openings;
        this.json = json;
    }

    /**
     * The evaluation row with what every step needs. {@code finalists}: the suppliers whose final offers stand once a
     * negotiation is closed (their bids carry those offers as price and price sheet); null where there is no
     * negotiation or it is not closed.
     */
    record Loaded(UUID tenderId, UUID drawId, String region, Stage stage, Map<String, Object> planJson, EvaluationPlan plan,
            BigDecimal k, String leader, String leaderBy, String qualificationJson, String priceScoresJson, String rankingJson,
            String reportSm3, Long reportSeq, Instant reportAt, Instant startedAt, List<String> members, List<OpenedBid> bids,
            Map<String, BigDecimal> priceScoreMap, String failure, Set<String> finalists) {

        OpenedBid bid(String bidderId) {
            return bids.stream().filter(b -> b.bidderId().toString().equals(bidderId)).findFirst().orElseThrow();
        }

        /** Each qualified bid's computed price score, by bidder, in the bids' order. */
        Map<String, BigDecimal> priceScores() {
            return priceScoreMap;
        }
    }

    Optional<Loaded> find(UUID tenderId) {
        return load(tenderId, false);
    }

    /** The evaluation, its row locked for this transaction. */
    Loaded lock(UUID tenderId) {
        return load(tenderId, true).orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
    }

    private Optional<Loaded> load(UUID tenderId, boolean lock) {
        Optional<Map<String, Object>> row = (lock
                ? jdbc.sql("SELECT * FROM evaluation WHERE tender_id = :t FOR UPDATE")
                : jdbc.sql("SELECT * FROM evaluation WHERE tender_id = :t"))
                .param("t", tenderId).query().listOfRows().stream().findFirst();
        return row.map(r -> {
            TenderView tender = tenders.findPublished(tenderId).orElseThrow();
            Integer finalRound = (Integer) r.get("final_round");
            Map<String, OpenedBid> finals = finalRound == null ? null : finalOffers(tenderId, finalRound);
            List<OpenedBid> bids = openings.bids(tenderId);
            if (finals != null) { // the last round's offers are the prices (74号令 Art. 33; 214号 Art. 21)
                bids = bids.stream().map(b -> {
                    OpenedBid f = finals.get(b.bidderId().toString());
                    return f == null ? b : new OpenedBid(b.bidId(), b.bidderId(), b.bidder(), b.opened(), f.price(), f.priceSheet(),
                            b.files(), b.rejection());
                }).toList();
            }
            Map<String, Object> planJson = json.readValue((String) r.get("plan"), MAP);
            return new Loaded(tenderId, (UUID) r.get("draw_id"), tender.regionCode(), Stage.valueOf((String) r.get("stage")),
                    planJson, EvaluationPlan.parse(planJson, lowestEvaluatedPrice(tender)), (BigDecimal) r.get("k"),
                    (String) r.get("leader"), (String) r.get("leader_by"), (String) r.get("qualification"),
                    (String) r.get("price_scores"), (String) r.get("ranking"), (String) r.get("report_sm3"),
                    (Long) r.get("report_seq"), instant(r.get("report_at")), instant(r.get("started_at")),
                    jdbc.sql("SELECT username FROM evaluation_member WHERE tender_id = :t ORDER BY position")
                            .param("t", tenderId).query(String.class).list(),
                    bids, priceScores((String) r.get("price_scores")), (String) r.get("failure"),
                    finals == null ? null : Set.copyOf(finals.keySet()));
        });
    }

    /** The final offers of {@code round} by supplier, as bids carrying only their price and price sheet. */
    private Map<String, OpenedBid> finalOffers(UUID lotId, int round) {
        Map<String, OpenedBid> out = new LinkedHashMap<>();
        jdbc.sql("SELECT bidder_id, price, price_sheet FROM evaluation_offer WHERE lot_id = :l AND round = :r ORDER BY position")
                .param("l", lotId).param("r", round)
                .query((rs, i) -> out.put(rs.getObject(1, UUID.class).toString(), new OpenedBid(null, rs.getObject(1, UUID.class),
                        null, true, rs.getBigDecimal(2), json.readValue(rs.getString(3), MAP), List.of(), null)))
                .list();
        return out;
    }

    static boolean lowestEvaluatedPrice(TenderView tender) {
        return tender.terms().evaluationMethod() == EvaluationMethod.LOWEST_EVALUATED_PRICE;
    }

    private static Instant instant(Object timestamp) {
        if (timestamp == null) {
            return null;
        }
        return timestamp instanceof OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
    }

    private Map<String, BigDecimal> priceScores(String priceScoresJson) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (priceScoresJson != null) {
            for (Object o : (List<?>) json.readValue(priceScoresJson, MAP).get("scores")) {
                Map<?, ?> m = (Map<?, ?>) o;
                out.put((String) m.get("bidderId"), new BigDecimal((String) m.get("score")));
            }
        }
        return out;
    }

    /**
     * Whether the evaluation (its view, report and signatures) is public: from the candidates' publicity on (Reg. 54).
     * A government procurement lot's report goes to the purchaser alone (政府采购法实施条例 Art. 43) and each supplier
     * learns only its own score and rank (财政部令第87号 Art. 69): never public.
     */
    boolean isPublic(Loaded ev) {
        return ev.stage().compareTo(Stage.PUBLICITY) >= 0 && ev.stage() != Stage.FAILED
                && jdbc.sql("SELECT COUNT(*) FROM award_decision WHERE tender_id = :t").param("t", ev.tenderId())
                        .query(Long.class).single() == 0;
    }

    /** The qualification review with every submitted review replayed. */
    Qualification qualification(Loaded ev) {
        List<String> bidders = ev.bids().stream().map(b -> b.bidderId().toString()).toList();
        Qualification q = new Qualification(Set.copyOf(ev.members()), bidders, ev.plan().qualification());
        jdbc.sql("SELECT member, votes FROM evaluation_review WHERE tender_id = :t ORDER BY submitted_at").param("t", ev.tenderId())
                .query((rs, i) -> {
                    Map<String, Map<String, Qualification.Vote>> votes = new LinkedHashMap<>();
                    json.readValue(rs.getString(2), MAP).forEach((bidder, items) -> {
                        Map<String, Qualification.Vote> v = new LinkedHashMap<>();
                        ((Map<?, ?>) items).forEach((item, vote) -> {
                            Map<?, ?> m = (Map<?, ?>) vote;
                            v.put((String) item, new Qualification.Vote(Boolean.TRUE.equals(m.get("pass")), (String) m.get("reason")));
                        });
                        votes.put(bidder, v);
                    });
                    q.submit(rs.getString(1), votes);
                    return null;
                }).list();
        return q;
    }

    /** The scoring with every submitted sheet and reason replayed. */
    Scoring scoring(Loaded ev) {
        Scoring scoring = new Scoring(ev.plan().criteriaFor(ev.k()), Set.copyOf(ev.members()), ev.priceScores());
        Map<String, Map<String, Object>> reasons = reasons(ev.tenderId());
        sheets(ev.tenderId()).forEach((member, s) -> {
            Map<String, String> r = new LinkedHashMap<>();
            reasons.getOrDefault(member, Map.of()).forEach((b, v) -> r.put(b, String.valueOf(v)));
            scoring.submit(member, s, r);
        });
        return scoring;
    }

    /** Each member's written reasons, by bidder. */
    Map<String, Map<String, Object>> reasons(UUID tenderId) {
        Map<String, Map<String, Object>> reasons = new LinkedHashMap<>();
        jdbc.sql("SELECT member, reasons FROM evaluation_score_sheet WHERE tender_id = :t").param("t", tenderId)
                .query((rs, i) -> reasons.put(rs.getString(1), json.readValue(rs.getString(2), MAP))).list();
        return reasons;
    }

    /** Each member's scores (bidder → criterion → points), in the members' order. */
    Map<String, Map<String, Map<String, BigDecimal>>> sheets(UUID tenderId) {
        Map<String, Map<String, Map<String, BigDecimal>>> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT s.member, s.scores FROM evaluation_score_sheet s
                JOIN evaluation_member m ON m.tender_id = s.tender_id AND m.username = s.member
                WHERE s.tender_id = :t ORDER BY m.position""").param("t", tenderId)
                .query((rs, i) -> {
                    Map<String, Map<String, BigDecimal>> byBidder = new LinkedHashMap<>();
                    json.readValue(rs.getString(2), MAP).forEach((bidder, scores) -> {
                        Map<String, BigDecimal> s = new LinkedHashMap<>();
                        ((Map<?, ?>) scores).forEach((c, v) -> s.put((String) c, new BigDecimal(String.valueOf(v))));
                        byBidder.put(bidder, s);
                    });
                    return out.put(rs.getString(1), byBidder);
                }).list();
        return out;
    }

    /** Every review of {@code tenderId}, for the committee's view, in the order they were opened. */
    List<Map<String, Object>> priceReviews(UUID tenderId) {
        return jdbc.sql("SELECT * FROM evaluation_price_review WHERE tender_id = :t ORDER BY requested_at, bidder_id")
                .param("t", tenderId).query().listOfRows().stream().map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("bidderId", r.get("bidder_id").toString());
                    m.put("triggers", List.of(((String) r.get("triggers")).split(",")));
                    m.put("requestedAt", instant(r.get("requested_at")).toString());
                    m.put("deadline", instant(r.get("deadline")).toString());
                    m.put("status", r.get("status"));
                    m.put("explanation", r.get("explanation"));
                    m.put("evidence", r.get("evidence") == null ? List.of() : readList((String) r.get("evidence")));
                    m.put("explainedAt", r.get("explained_at") == null ? null : instant(r.get("explained_at")).toString());
                    m.put("panelReason", r.get("panel_reason"));
                    m.put("decidedAt", r.get("decided_at") == null ? null : instant(r.get("decided_at")).toString());
                    m.put("bidInvalid", org.sunbid.platform.evaluation.domain.PriceReview.Status.valueOf((String) r.get("status")).invalidatesBid());
                    return m;
                }).toList();
    }

    static String requireMember(Loaded ev, CurrentUser user) {
        if (user == null || !ev.members().contains(user.username())) {
            throw new DomainException(EvaluationError.NOT_A_MEMBER);
        }
        return user.username();
    }

    static void requireStage(Loaded ev, Stage expected) {
        if (ev.stage() != expected) {
            throw new DomainException(EvaluationError.EVALUATION_STAGE, ev.stage());
        }
    }

    /** A member's name as seated (the username when unknown). */
    String nameOf(UUID tenderId, String member) {
        return jdbc.sql("SELECT name FROM evaluation_member WHERE tender_id = :t AND username = :u").param("t", tenderId)
                .param("u", member).query(String.class).optional().orElse(member);
    }

    Map<String, Object> readMap(String text) {
        return json.readValue(text, MAP);
    }

    List<Map<String, Object>> readList(String text) {
        return json.readValue(text, LIST);
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
