package org.sunbid.platform.tendering.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.tendering.MethodApprovalView;
import org.sunbid.platform.tendering.MethodApprovals;

/**
 * Approval of a lot's procurement method and the single-source publicity over HTTP (政府采购法 Art. 27; 实施条例 Art. 23,
 * 38; 74号令 Art. 4, 38–40): the owner's requests and objection reviews, the department's decisions and to-do list,
 * suppliers' objections, and the public view.
 */
@RestController
class MethodApprovalApi {

    private final MethodApprovals approvals;

    MethodApprovalApi(MethodApprovals approvals) {
        this.approvals = approvals;
    }

    /** The owner's request: condition codes (≥ 1), reasons; supplier and experts' opinions for a unique supplier. */
    record RequestInput(@Size(max = 10) List<@Size(max = 40) String> conditions, @Size(max = 5000) String reasons,
            @Size(max = 200) String supplierName, @Size(max = 20000) String expertOpinions) {
    }

    /** The department's decision: approve, or refuse with reasons. */
    record DecisionInput(@NotNull Boolean approve, @Size(max = 5000) String reasons) {
    }

    /** A supplier's objection to a single-source publicity. */
    record ObjectionInput(@Size(max = 5000) String reasons) {
    }

    /** The owner's review of an objection: upheld or not, with its outcome. */
    record ReviewInput(@NotNull Boolean upheld, @Size(max = 5000) String outcome) {
    }

    @GetMapping("/api/v1/lots/{lotId}/method-approvals")
    List<MethodApprovalView> history(@PathVariable UUID lotId, CurrentUser user) {
        return approvals.history(lotId, user);
    }

    @PostMapping("/api/v1/lots/{lotId}/method-approvals")
    ResponseEntity<MethodApprovalView> request(@PathVariable UUID lotId, @Valid @RequestBody RequestInput body, CurrentUser user) {
        MethodApprovalView made = approvals.request(lotId, new MethodApprovals.NewRequest(body.conditions(), body.reasons(),
                body.supplierName(), body.expertOpinions()), user);
        return ResponseEntity.created(URI.create("/api/v1/lots/" + lotId + "/method-approvals/" + made.id())).body(made);
    }

    @PostMapping("/api/v1/lots/{lotId}/method-approvals/{requestId}/decision")
    MethodApprovalView decide(@PathVariable UUID lotId, @PathVariable UUID requestId, @Valid @RequestBody DecisionInput body,
            CurrentUser user) {
        return approvals.decide(lotId, requestId, body.approve(), body.reasons(), user);
    }

    @PostMapping("/api/v1/lots/{lotId}/method-approvals/{requestId}/objections")
    ResponseEntity<MethodApprovalView> object(@PathVariable UUID lotId, @PathVariable UUID requestId,
            @Valid @RequestBody ObjectionInput body, CurrentUser user) {
        return ResponseEntity.status(201).body(approvals.object(lotId, requestId, body.reasons(), user));
    }

    @PostMapping("/api/v1/lots/{lotId}/method-approvals/{requestId}/objections/{objectionId}/review")
    MethodApprovalView review(@PathVariable UUID lotId, @PathVariable UUID requestId, @PathVariable UUID objectionId,
            @Valid @RequestBody ReviewInput body, CurrentUser user) {
        return approvals.review(lotId, requestId, objectionId, body.upheld(), body.outcome(), user);
    }

    /** The requests sent to the caller's department (all, or only the undecided). */
    @GetMapping("/api/v1/method-approvals")
    List<MethodApprovalView> sentToMe(@RequestParam(defaultValue = "true") boolean pending, CurrentUser user) {
        return approvals.sentToMe(user, pending);
    }

    /** A lot's requests as the public sees them. */
    @GetMapping("/api/v1/public/lots/{lotId}/method-approvals")
    List<MethodApprovalView> publicHistory(@PathVariable UUID lotId) {
        return approvals.publicHistory(lotId);
    }

    /** Every single-source publicity running now. */
    @GetMapping("/api/v1/public/single-source-publicities")
    List<MethodApprovalView> running() {
        return approvals.runningPublicities();
    }
}
