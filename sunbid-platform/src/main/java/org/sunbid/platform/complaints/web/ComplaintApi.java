package org.sunbid.platform.complaints.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.complaints.ChallengeView;
import org.sunbid.platform.complaints.Challenges;
import org.sunbid.platform.complaints.ComplaintHandling;
import org.sunbid.platform.complaints.ComplaintView;
import org.sunbid.platform.complaints.DecisionView;
import org.sunbid.platform.complaints.Inquiries;
import org.sunbid.platform.complaints.InquiryView;
import org.sunbid.platform.complaints.domain.Complaint;
import org.sunbid.platform.complaints.domain.Outcome;
import org.sunbid.platform.complaints.domain.PauseReason;
import org.sunbid.platform.parties.CurrentUser;

/**
 * Inquiries, challenges and complaints over HTTP. Suppliers ask, challenge (signed) and complain; the lot's purchaser or
 * agency answers; the department above the lot's region handles complaints. Decisions and answered challenges are
 * public; everything else is for its parties (the services check who).
 */
@RestController
@RequestMapping("/api/v1")
class ComplaintApi {

    private final Inquiries inquiries;
    private final Challenges challenges;
    private final ComplaintHandling complaints;
    private final java.time.Clock clock;

    ComplaintApi(Inquiries inquiries, Challenges challenges, ComplaintHandling complaints, java.time.Clock clock) {
        this.clock = clock;
        this.inquiries = inquiries;
        this.challenges = challenges;
        this.complaints = complaints;
    }

    record Text(String text) {
    }

    // 询问

    @PostMapping("/lots/{id}/inquiries")
    @ResponseStatus(HttpStatus.CREATED)
    InquiryView ask(@PathVariable("id") UUID lotId, @RequestBody Text body, CurrentUser user) {
        return inquiries.ask(lotId, body.text(), user);
    }

    @GetMapping("/lots/{id}/inquiries")
    List<InquiryView> inquiriesOfLot(@PathVariable("id") UUID lotId, CurrentUser user) {
        return inquiries.ofLot(lotId, user);
    }

    @GetMapping("/inquiries/{id}")
    InquiryView inquiry(@PathVariable UUID id, CurrentUser user) {
        return inquiries.get(id, user);
    }

    @PostMapping("/inquiries/{id}/answer")
    InquiryView answerInquiry(@PathVariable UUID id, @RequestBody Text body, CurrentUser user) {
        return inquiries.answer(id, body.text(), user);
    }

    // 质疑

    /** The canonical statement to sign for this challenge. */
    @PostMapping("/lots/{id}/challenges/statement")
    Map<String, String> statement(@PathVariable("id") UUID lotId, @RequestBody Challenges.Draft body, CurrentUser user) {
        return Map.of("statement", challenges.statement(lotId, body, user));
    }

    /** The signed statement, its base64 SM3withSM2 signature and (optionally) the signing certificate's PEM. */
    record SignedChallenge(String statement, String signature, String certificate) {
    }

    @PostMapping("/lots/{id}/challenges")
    @ResponseStatus(HttpStatus.CREATED)
    ChallengeView challenge(@PathVariable("id") UUID lotId, @RequestBody SignedChallenge body, CurrentUser user) {
        return challenges.raise(lotId, body.statement(), body.signature(), body.certificate(), user);
    }

    /** The lot's challenges the caller may see (the public: answered ones, without supplier or evidence). */
    @GetMapping("/lots/{id}/challenges")
    List<ChallengeView> challengesOfLot(@PathVariable("id") UUID lotId, @Nullable CurrentUser user) {
        return challenges.ofLot(lotId, user);
    }

    @GetMapping("/challenges/{id}")
    ChallengeView challenge(@PathVariable UUID id, @Nullable CurrentUser user) {
        return challenges.get(id, user);
    }

    @PostMapping("/challenges/{id}/result-changing")
    ChallengeView resultChanging(@PathVariable UUID id, CurrentUser user) {
        return challenges.markResultChanging(id, user);
    }

    @PostMapping("/challenges/{id}/answer")
    ChallengeView answerChallenge(@PathVariable UUID id, @RequestBody Text body, CurrentUser user) {
        return challenges.answer(id, body.text(), user);
    }

    // 投诉

    @PostMapping("/lots/{id}/complaints")
    @ResponseStatus(HttpStatus.CREATED)
    ComplaintView lodge(@PathVariable("id") UUID lotId, @RequestBody ComplaintHandling.Lodging body, CurrentUser user) {
        return complaints.lodge(lotId, body, user);
    }

    @GetMapping("/complaints/{id}")
    ComplaintView complaint(@PathVariable UUID id, CurrentUser user) {
        return complaints.get(id, user);
    }

    @PostMapping("/complaints/{id}/completion")
    ComplaintView complete(@PathVariable UUID id, @RequestBody ComplaintHandling.Lodging body, CurrentUser user) {
        return complaints.complete(id, body, user);
    }

    record IntakeInput(Complaint.Intake decision, String reason) {
    }

    @PostMapping("/complaints/{id}/intake")
    ComplaintView intake(@PathVariable UUID id, @RequestBody IntakeInput body, CurrentUser user) {
        return complaints.intake(id, body.decision(), body.reason(), user);
    }

    record CopiesInput(List<UUID> parties) {
    }

    @PostMapping("/complaints/{id}/copies")
    ComplaintView copies(@PathVariable UUID id, @RequestBody CopiesInput body, CurrentUser user) {
        return complaints.sendCopies(id, body.parties(), user);
    }

    @PostMapping("/complaints/{id}/replies")
    ComplaintView reply(@PathVariable UUID id, @RequestBody Text body, CurrentUser user) {
        return complaints.reply(id, body.text(), user);
    }

    record SuspensionInput(Instant until, String reason) {
    }

    @PostMapping("/complaints/{id}/suspension")
    ComplaintView suspend(@PathVariable UUID id, @RequestBody SuspensionInput body, CurrentUser user) {
        return complaints.suspend(id, body.until(), body.reason(), user);
    }

    @PostMapping("/complaints/{id}/suspension/lift")
    ComplaintView lift(@PathVariable UUID id, CurrentUser user) {
        return complaints.lift(id, user);
    }

    record PauseInput(PauseReason reason, String note) {
    }

    @PostMapping("/complaints/{id}/pauses")
    ComplaintView pause(@PathVariable UUID id, @RequestBody PauseInput body, CurrentUser user) {
        return complaints.pause(id, body.reason(), body.note(), user);
    }

    @PostMapping("/complaints/{id}/pauses/end")
    ComplaintView resume(@PathVariable UUID id, CurrentUser user) {
        return complaints.resume(id, user);
    }

    record DecisionInput(Outcome outcome, String reasons) {
    }

    @PostMapping("/complaints/{id}/decision")
    ComplaintView decide(@PathVariable UUID id, @RequestBody DecisionInput body, CurrentUser user) {
        return complaints.decide(id, body.outcome(), body.reasons(), user);
    }

    /** The published decisions, newest first (public). */
    @GetMapping("/complaint-decisions")
    List<DecisionView> decisions(@RequestParam(defaultValue = "100") int limit) {
        return complaints.decisions(limit);
    }

    /** A lot's published decisions (public). */
    @GetMapping("/lots/{id}/complaint-decisions")
    List<DecisionView> decisionsOfLot(@PathVariable("id") UUID lotId) {
        return complaints.decisionsOfLot(lotId);
    }

    /** What waits for the caller: its own cases, what it must answer or reply to, what its department handles. */
    record Worklist(List<InquiryView> myInquiries, List<ChallengeView> myChallenges, List<ComplaintView> myComplaints,
            List<InquiryView> inquiriesToAnswer, List<ChallengeView> challengesToAnswer, List<ComplaintView> complaintsToReply,
            List<ComplaintView> complaintsToHandle, Instant now) {
    }

    @GetMapping("/complaints/worklist")
    Worklist worklist(CurrentUser user) {
        return new Worklist(inquiries.mine(user), challenges.mine(user), complaints.mine(user), inquiries.toAnswer(user),
                challenges.toAnswer(user), complaints.toReply(user), complaints.toHandle(user), clock.instant());
    }

    /** 财政部令第94号 Art. 37: the repeat unfounded complaint records (supervisors and staff). */
    @GetMapping("/complaints/repeat-unfounded")
    List<ComplaintHandling.RepeatRecord> repeatUnfounded(@RequestParam(required = false) UUID supplier, CurrentUser user) {
        return complaints.repeatRecords(supplier, user);
    }
}
