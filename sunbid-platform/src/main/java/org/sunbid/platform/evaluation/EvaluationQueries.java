package org.sunbid.platform.evaluation;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.platform.evaluation.EvaluationStore.Loaded;
import org.sunbid.platform.evaluation.domain.Qualification;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.sealing.BidOpenings;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * What may be read of an evaluation, and by whom: the workspace view (a member's own work; everyone's only once all have
 * submitted), the stage, a member's to-do, the decrypted files of the opened bids for the members.
 */
@Component
class EvaluationQueries {

    private final JdbcClient jdbc;
    private final Tenders tenders;
    private final BidOpenings sealing;
    private final Openings openings;
    private final EvaluationStore store;

    EvaluationQueries(JdbcClient jdbc, Tenders tenders, BidOpenings sealing, Openings openings, EvaluationStore store) {
        this.jdbc = jdbc;
        this.tenders = tenders;
        this.sealing = sealing;
        this.openings = openings;
        this.store = store;
    }

    Optional<Stage> stage(UUID tenderId) {
        return jdbc.sql("SELECT stage FROM evaluation WHERE tender_id = :t").param("t", tenderId).query(String.class)
                .optional().map(Stage::valueOf);
    }

    boolean opened(UUID tenderId) {
        return openings.find(tenderId).isPresent();
    }

    boolean exists(UUID tenderId) {
        return jdbc.sql("SELECT COUNT(*) FROM evaluation WHERE tender_id = :t").param("t", tenderId).query(Long.class).single() > 0;
    }

    Evaluations.BidFile bidFile(UUID tenderId, UUID bidId, String name, CurrentUser user) {
        if (view(tenderId, user).me() == null) {
            throw new DomainException(EvaluationError.NOT_A_MEMBER);
        }
        if (openings.bids(tenderId).stream().noneMatch(b -> b.bidId().equals(bidId) && b.files().contains(name))) {
            throw new DomainException(EvaluationError.EVALUATION_NOT_FOUND);
        }
        return new Evaluations.BidFile(sealing.openedFile(tenderId, bidId, name).filter(Files::isRegularFile)
                .orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND)));
    }

    List<UUID> mine(CurrentUser user) {
        return jdbc.sql("""
                SELECT e.tender_id FROM evaluation_member m JOIN evaluation e ON e.tender_id = m.tender_id
                WHERE m.username = :u ORDER BY e.started_at DESC, e.tender_id""").param("u", user.username()).query(UUID.class).list();
    }

    List<EvaluationView> awaitingMember(CurrentUser user) {
        return mine(user).stream().map(t -> view(t, user)).filter(v -> v.awaiting() != null && !v.awaiting().isEmpty()).toList();
    }

    EvaluationView view(UUID tenderId, CurrentUser user) {
        Loaded ev = store.find(tenderId).orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
        String me = user != null && ev.members().contains(user.username()) ? user.username() : null;
        boolean inspector = user != null && tenders.mayInspect(tenderId, user)
                && (user.role() == Role.CENTRE_STAFF || user.role() == Role.SUPERVISOR || user.role() == Role.ADMINISTRATOR);
        boolean after = store.isPublic(ev);
        boolean owner = user != null && tenders.owns(tenderId, user);
        // 政府采购法实施条例 Art. 43: a procurement lot's signed report goes to the purchaser (and stays off the public)
        boolean reportedToOwner = owner && ev.stage().compareTo(Stage.PUBLICITY) >= 0 && ev.stage() != Stage.FAILED;
        if (me == null && !inspector && !after && !reportedToOwner && !(owner && ev.stage() == Stage.FAILED)) {
            throw new DomainException(EvaluationError.EVALUATION_NOT_FOUND);
        }
        TenderView tender = tenders.findPublished(tenderId).orElseThrow();
        Qualification q = store.qualification(ev);
        Map<String, Map<String, Map<String, BigDecimal>>> sheets = store.sheets(tenderId);
        Set<String> signed = new LinkedHashSet<>(jdbc.sql("SELECT member FROM evaluation_report_signature WHERE tender_id = :t")
                .param("t", tenderId).query(String.class).list());
        Map<String, Long> votes = new LinkedHashMap<>();
        jdbc.sql("SELECT candidate, COUNT(*) FROM evaluation_leader_vote WHERE tender_id = :t GROUP BY candidate")
                .param("t", tenderId).query((rs, i) -> votes.put(rs.getString(1), rs.getLong(2))).list();
        List<EvaluationView.Member> members = jdbc.sql(
                "SELECT username, name, specialty FROM evaluation_member WHERE tender_id = :t ORDER BY position")
                .param("t", tenderId)
                .query((rs, i) -> new EvaluationView.Member(rs.getString(1), rs.getString(2), rs.getString(3),
                        q.submitted(rs.getString(1)), sheets.containsKey(rs.getString(1)), signed.contains(rs.getString(1)),
                        votes.getOrDefault(rs.getString(1), 0L).intValue()))
                .list();
        List<String> awaiting = new ArrayList<>();
        if (me != null) {
            if (ev.stage() == Stage.QUALIFICATION && !q.submitted(me)) {
                awaiting.add("REVIEW");
            }
            if (ev.stage() == Stage.SCORING && !sheets.containsKey(me)) {
                awaiting.add("SCORE");
            }
            if (ev.stage() == Stage.SCORING && sheets.containsKey(me)) {
                store.scoring(ev).unexplainedExtremes().stream().filter(x -> x.startsWith(me + "/"))
                        .forEach(x -> awaiting.add("REASON:" + x.substring(me.length() + 1)));
            }
            if (ev.stage() == Stage.NEGOTIATION && me.equals(ev.leader()) && store.priceReviews(tenderId).isEmpty()) {
                awaiting.add("CLOSE_NEGOTIATION");
            }
            if ((ev.stage() == Stage.QUALIFICATION || ev.stage() == Stage.NEGOTIATION) && me.equals(ev.leader())) {
                store.priceReviews(tenderId).stream().filter(r -> "EXPLAINED".equals(r.get("status")))
                        .forEach(r -> awaiting.add("PRICE_REVIEW:" + r.get("bidderId")));
            }
            if (ev.stage() == Stage.REPORTED && !signed.contains(me)) {
                awaiting.add("SIGN");
            }
        }
        boolean workspace = me != null || inspector;
        List<EvaluationView.Bid> bids = workspace ? ev.bids().stream().map(b -> new EvaluationView.Bid(b.bidId(), b.bidderId(),
                b.bidder(), b.opened(), b.price(), b.priceSheet(), me != null ? b.files() : List.of(), b.rejection())).toList()
                : List.of();
        Map<String, Object> myReview = null;
        Map<String, Object> myScores = null;
        if (me != null) {
            myReview = jdbc.sql("SELECT votes FROM evaluation_review WHERE tender_id = :t AND member = :m").param("t", tenderId)
                    .param("m", me).query(String.class).optional().map(store::readMap).orElse(null);
            myScores = jdbc.sql("SELECT scores, reasons FROM evaluation_score_sheet WHERE tender_id = :t AND member = :m")
                    .param("t", tenderId).param("m", me)
                    .query((rs, i) -> Map.<String, Object>of("scores", store.readMap(rs.getString(1)),
                            "reasons", store.readMap(rs.getString(2))))
                    .optional().orElse(null);
        }
        List<Map<String, Object>> reviews = List.of();
        if (workspace && q.complete()) {
            reviews = jdbc.sql("SELECT member, votes FROM evaluation_review WHERE tender_id = :t ORDER BY submitted_at")
                    .param("t", tenderId).query((rs, i) -> Map.<String, Object>of("member", rs.getString(1),
                            "votes", store.readMap(rs.getString(2)))).list();
        }
        List<Map<String, Object>> scoreSheets = List.of();
        if ((workspace || after) && !ev.plan().lowestEvaluatedPrice() && ev.stage() != Stage.QUALIFICATION
                && ev.stage() != Stage.NEGOTIATION
                && ev.stage() != Stage.FAILED && store.scoring(ev).complete()) {
            scoreSheets = jdbc.sql("SELECT member, scores, reasons FROM evaluation_score_sheet WHERE tender_id = :t ORDER BY submitted_at")
                    .param("t", tenderId).query((rs, i) -> Map.<String, Object>of("member", rs.getString(1),
                            "scores", store.readMap(rs.getString(2)), "reasons", store.readMap(rs.getString(3))))
                    .list();
        }
        List<Map<String, Object>> qualification = ev.qualificationJson() == null ? null : store.readList(ev.qualificationJson());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> priceScores = ev.priceScoresJson() == null ? null
                : (List<Map<String, Object>>) store.readMap(ev.priceScoresJson()).get("scores");
        Map<String, Object> ranking = ev.rankingJson() == null ? null : store.readMap(ev.rankingJson());
        String kSeed = ev.k() == null ? null : openings.find(tenderId).orElseThrow().recordSm3();
        return new EvaluationView(tenderId, tender.terms().projectCode(), tender.terms().name(),
                tender.terms().evaluationMethod().name(), ev.stage(), ev.planJson(), ev.k(), kSeed, members, ev.leader(),
                ev.leaderBy(), me, awaiting, bids, myReview, myScores, qualification, reviews, priceScores, scoreSheets, ranking,
                ev.reportSm3(), ev.reportAt(), ev.reportSm3() == null ? null : Evaluations.reportChallenge(tenderId, ev.reportSm3()),
                ev.startedAt(), workspace ? store.priceReviews(tenderId) : List.of(), ev.failure());
    }
}
