package org.sunbid.platform.evaluation.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.evaluation.Awards;
import org.sunbid.platform.evaluation.EvaluationView;
import org.sunbid.platform.evaluation.Evaluations;
import org.sunbid.platform.evaluation.domain.EvaluationPlan;
import org.sunbid.platform.evaluation.ReviewVote;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.payments.Deposits;

/** Evaluation, publicity and award over HTTP. */
@RestController
class EvaluationApi {

    private final Evaluations evaluations;
    private final Awards awards;
    private final Deposits deposits;
    private final org.sunbid.platform.evaluation.AwardRefusals refusals;

    EvaluationApi(Evaluations evaluations, Awards awards, Deposits deposits, org.sunbid.platform.evaluation.AwardRefusals refusals) {
        this.refusals = refusals;
        this.evaluations = evaluations;
        this.awards = awards;
        this.deposits = deposits;
    }

    // ---------------------------------------------------------------------------------------------------- plan

    /** The tenderee or agency sets the evaluation plan (before the bid deadline). */
    @PutMapping("/api/v1/tenders/{id}/evaluation-plan")
    Map<String, Object> setPlan(@PathVariable UUID id, @RequestBody Map<String, Object> plan, CurrentUser user) {
        return evaluations.setPlan(id, plan, user);
    }

    /** The evaluation plan (public with the published tender). */
    @GetMapping("/api/v1/tenders/{id}/evaluation-plan")
    Map<String, Object> plan(@PathVariable UUID id, @Nullable CurrentUser user) {
        return evaluations.plan(id, user);
    }

    record PreviewInput(Map<String, Object> price, List<BigDecimal> prices) {
    }

    /** What a price formula gives for sample prices (at K's bounds for a benchmark price). */
    @PostMapping("/api/v1/evaluation-plans/preview")
    Map<String, Object> preview(@RequestBody PreviewInput input) {
        return EvaluationPlan.preview(input.price(), input.prices());
    }

    // ---------------------------------------------------------------------------------------------------- workspace

    @PostMapping("/api/v1/tenders/{id}/evaluation")
    EvaluationView start(@PathVariable UUID id, CurrentUser user) {
        return evaluations.start(id, user);
    }

    @GetMapping("/api/v1/tenders/{id}/evaluation")
    EvaluationView view(@PathVariable UUID id, CurrentUser user) {
        return evaluations.view(id, user);
    }

    record LeaderInput(String candidate) {
    }

    @PostMapping("/api/v1/tenders/{id}/evaluation/leader")
    EvaluationView leader(@PathVariable UUID id, @RequestBody LeaderInput input, CurrentUser user) {
        return evaluations.chooseLeader(id, input.candidate(), user);
    }

    record ReviewInput(Map<String, Map<String, ReviewVote>> votes) {
    }

    @PostMapping("/api/v1/tenders/{id}/evaluation/reviews")
    EvaluationView review(@PathVariable UUID id, @RequestBody ReviewInput input, CurrentUser user) {
        return evaluations.review(id, input.votes(), user);
    }

    record PriceExplanationInput(String text, List<Evaluations.PriceEvidence> evidence) {
    }

    /** The supplier explains its abnormally low price in writing with cost evidence (87号令 Art. 60), as a bidder. */
    @PostMapping("/api/v1/tenders/{id}/price-explanations")
    Map<String, Object> explainPrice(@PathVariable UUID id, @RequestBody PriceExplanationInput input, CurrentUser user) {
        return evaluations.explainPrice(id, input.text(), input.evidence(), user);
    }

    /** The caller's organisation's abnormal-price review. */
    @GetMapping("/api/v1/tenders/{id}/price-explanations/mine")
    Map<String, Object> myPriceReview(@PathVariable UUID id, CurrentUser user) {
        return evaluations.myPriceReview(id, user);
    }

    record PriceDecisionInput(boolean accept, String reason) {
    }

    /** The panel's leader records the panel's decision on an explained price (accepted, or the bid is invalid). */
    @PostMapping("/api/v1/tenders/{id}/evaluation/price-reviews/{bidderId}/decision")
    EvaluationView decidePriceReview(@PathVariable UUID id, @PathVariable String bidderId, @RequestBody PriceDecisionInput input,
            CurrentUser user) {
        return evaluations.decidePriceReview(id, bidderId, input.accept(), input.reason(), user);
    }

    record ScoresInput(Map<String, Map<String, BigDecimal>> scores, Map<String, String> reasons) {
    }

    @PostMapping("/api/v1/tenders/{id}/evaluation/scores")
    EvaluationView score(@PathVariable UUID id, @RequestBody ScoresInput input, CurrentUser user) {
        return evaluations.score(id, input.scores(), input.reasons(), user);
    }

    record ReasonInput(String bidderId, String reason) {
    }

    @PostMapping("/api/v1/tenders/{id}/evaluation/reasons")
    EvaluationView reason(@PathVariable UUID id, @RequestBody ReasonInput input, CurrentUser user) {
        return evaluations.explain(id, input.bidderId(), input.reason(), user);
    }

    /** The leader closes the negotiation: the last round's final offers become the prices. */
    @PostMapping("/api/v1/tenders/{id}/evaluation/negotiation/close")
    EvaluationView closeNegotiation(@PathVariable UUID id, CurrentUser user) {
        return evaluations.closeNegotiation(id, user);
    }

    @PostMapping("/api/v1/tenders/{id}/evaluation/report")
    EvaluationView generateReport(@PathVariable UUID id, CurrentUser user) {
        return evaluations.generateReport(id, user);
    }

    /** The report PDF (public from the publicity on). */
    @GetMapping("/api/v1/tenders/{id}/evaluation/report")
    ResponseEntity<byte[]> report(@PathVariable UUID id, @Nullable CurrentUser user) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("evaluation-report-" + id + ".pdf").build().toString())
                .body(evaluations.report(id, user));
    }

    @GetMapping("/api/v1/tenders/{id}/evaluation/report/signatures")
    Map<String, Object> signatures(@PathVariable UUID id, @Nullable CurrentUser user) {
        return evaluations.reportSignatures(id, user);
    }

    record SignatureInput(String signature) {
    }

    @PostMapping("/api/v1/tenders/{id}/evaluation/report/signatures")
    EvaluationView sign(@PathVariable UUID id, @RequestBody SignatureInput input, CurrentUser user) {
        return evaluations.signReport(id, input.signature(), user);
    }

    /** A decrypted file of a bid, for the committee's members. */
    @GetMapping("/api/v1/tenders/{id}/evaluation/bids/{bidId}/file")
    ResponseEntity<org.springframework.core.io.Resource> file(@PathVariable UUID id, @PathVariable UUID bidId, @RequestParam String name,
            CurrentUser user) {
        return evaluations.bidFile(id, bidId, name, user).asAttachment();
    }

    // ---------------------------------------------------------------------------------------------------- award

    /** The candidates' publicity, objections and award (public once the publicity has started). */
    @GetMapping("/api/v1/tenders/{id}/award")
    Awards.AwardView award(@PathVariable UUID id, @Nullable CurrentUser user) {
        return awards.view(id, user);
    }

    record TextInput(String text) {
    }

    @PostMapping("/api/v1/tenders/{id}/award-objections")
    Awards.AwardView object(@PathVariable UUID id, @RequestBody TextInput input, CurrentUser user) {
        return awards.object(id, input.text(), user);
    }

    @PostMapping("/api/v1/tenders/{id}/award-objections/{objectionId}/answer")
    Awards.AwardView answer(@PathVariable UUID id, @PathVariable UUID objectionId, @RequestBody TextInput input,
            CurrentUser user) {
        return awards.answer(id, objectionId, input.text(), user);
    }

    record AwardInput(UUID bidderId) {
    }

    @PostMapping("/api/v1/tenders/{id}/award")
    Awards.AwardView award(@PathVariable UUID id, @RequestBody AwardInput input, CurrentUser user) {
        return awards.award(id, input.bidderId(), user);
    }

    record ContractInput(String contractSm3) {
    }

    @PostMapping("/api/v1/tenders/{id}/contract")
    Awards.AwardView contract(@PathVariable UUID id, @RequestBody(required = false) ContractInput input, CurrentUser user) {
        return awards.contractSigned(id, input == null ? null : input.contractSm3(), user);
    }

    record RefusalInput(org.sunbid.platform.evaluation.AwardRefusals.Kind kind, String reason) {
    }

    /** Issue 20 fix D: the owner records the winner's refusal of the award or contract (条例 Art. 74); once. */
    @PostMapping("/api/v1/tenders/{id}/award/refusal")
    org.sunbid.platform.evaluation.AwardRefusals.RefusalView refuse(@PathVariable UUID id,
            @RequestBody(required = false) RefusalInput input, CurrentUser user) {
        return refusals.refuse(id, input == null ? null : input.kind(), input == null ? null : input.reason(), user);
    }

    /** The winner's recorded refusal, if any (public, like the award). */
    @org.springframework.web.bind.annotation.GetMapping("/api/v1/tenders/{id}/award/refusal")
    org.sunbid.platform.evaluation.AwardRefusals.RefusalView refusal(@PathVariable UUID id) {
        return refusals.find(id).orElseThrow(() -> new org.sunbid.platform.kernel.DomainException(
                org.sunbid.platform.evaluation.EvaluationError.EVALUATION_NOT_FOUND));
    }

    /** 政府采购法实施条例 Art. 50: the purchaser publishes the signed contract (government procurement only). */
    @PostMapping("/api/v1/tenders/{id}/contract/publication")
    Awards.AwardView publishContract(@PathVariable UUID id, CurrentUser user) {
        return awards.publishContract(id, user);
    }

    /**
     * 87号令 Art. 69: the calling supplier's own score and rank (or why its bid failed); {@code bidderId}, if given,
     * must be its own — another's gets 404.
     */
    @GetMapping("/api/v1/tenders/{id}/award/my-result")
    org.sunbid.platform.evaluation.domain.ResultRules.OwnResult myResult(@PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestParam(required = false) UUID bidderId, CurrentUser user) {
        return awards.myResult(id, bidderId, user);
    }

    /** The deposit refunds after the award (Reg. 57), for the owners, the region's staff and supervisors. */
    @GetMapping("/api/v1/tenders/{id}/award/refunds")
    List<Deposits.AwardRefund> refunds(@PathVariable UUID id, CurrentUser user) {
        return deposits.awardRefunds(id, user);
    }
}
