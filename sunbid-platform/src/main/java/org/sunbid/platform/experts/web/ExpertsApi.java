package org.sunbid.platform.experts.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.experts.DrawPolicy;
import org.sunbid.platform.experts.DrawView;
import org.sunbid.platform.experts.ExpertDraws;
import org.sunbid.platform.experts.ExpertStatus;
import org.sunbid.platform.experts.Experts;
import org.sunbid.platform.experts.ExpertsError;
import org.sunbid.platform.experts.MyDraw;
import org.sunbid.platform.experts.Violation;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;

/** The expert database and the expert draw over HTTP. */
@RestController
class ExpertsApi {

    private static final int MAX_REPLY = 4 * 1024;

    private final Experts experts;
    private final ExpertDraws draws;

    ExpertsApi(Experts experts, ExpertDraws draws) {
        this.experts = experts;
        this.draws = draws;
    }

    // ------------------------------------------------------------------------------------------------ expert database

    /** The specialty taxonomy with active experts per specialty (public). */
    @GetMapping("/api/v1/experts/specialties")
    List<Experts.SpecialtyCount> specialties() {
        return experts.countsBySpecialty();
    }

    /** Experts in the caller's region subtree (staff, supervisors). */
    @GetMapping("/api/v1/experts")
    List<Experts.ExpertProfile> list(@RequestParam(required = false) ExpertStatus status,
            @RequestParam(required = false) String specialty, @RequestParam(required = false) String name, CurrentUser user) {
        return experts.list(status, specialty, name, user);
    }

    /** The signed-in expert's own file. */
    @GetMapping("/api/v1/experts/me")
    Experts.ExpertDetail me(CurrentUser user) {
        return experts.mine(user).orElseThrow(() -> new DomainException(ExpertsError.EXPERT_NOT_FOUND, "me"));
    }

    /** An expert's file (staff and supervisors of the region, or the expert). */
    @GetMapping("/api/v1/experts/{id}")
    Experts.ExpertDetail get(@PathVariable UUID id, CurrentUser user) {
        return experts.get(id, user);
    }

    /** An expert account applies to enter the database (入库申请). */
    @PostMapping("/api/v1/experts/applications")
    Experts.ExpertDetail apply(@RequestBody Experts.Application body, CurrentUser user) {
        return experts.apply(body, user);
    }

    record ReviewInput(boolean approve, String reason) {
    }

    /** The entry review (准入审核) by centre staff. */
    @PostMapping("/api/v1/experts/{id}/review")
    Experts.ExpertDetail review(@PathVariable UUID id, @RequestBody ReviewInput body, CurrentUser user) {
        return experts.review(id, body.approve(), body.reason(), user);
    }

    record StatusInput(ExpertStatus status, String reason) {
    }

    /** Suspends, reinstates, blacklists or retires an expert, with a reason. */
    @PostMapping("/api/v1/experts/{id}/status")
    Experts.ExpertDetail status(@PathVariable UUID id, @RequestBody StatusInput body, CurrentUser user) {
        return experts.changeStatus(id, body.status(), body.reason(), user);
    }

    record LeaveInput(Instant start, Instant end, String reason) {
    }

    /** The signed-in expert takes leave. */
    @PostMapping("/api/v1/experts/me/leave")
    Experts.ExpertDetail leave(@RequestBody LeaveInput body, CurrentUser user) {
        return experts.addLeave(body.start(), body.end(), body.reason(), user);
    }

    /** A region's draw and conduct policy (the nearest defined above it, or the default). */
    @GetMapping("/api/v1/regions/{code}/expert-policy")
    DrawPolicy policy(@PathVariable String code) {
        return experts.policyFor(code);
    }

    /** Sets a region's draw and conduct policy (administrators). */
    @PutMapping("/api/v1/regions/{code}/expert-policy")
    DrawPolicy setPolicy(@PathVariable String code, @RequestBody DrawPolicy body, CurrentUser user) {
        return experts.setPolicy(code, body, user);
    }

    // ------------------------------------------------------------------------------------------------ draws

    /** Requests a committee for a tender's evaluation (owners, centre staff). */
    @PostMapping("/api/v1/tenders/{id}/expert-draws")
    DrawView request(@PathVariable UUID id, @RequestBody ExpertDraws.DrawRequest body, CurrentUser user) {
        return draws.request(id, body, user);
    }

    /** A tender's draws (owners, the region's staff and supervisors): counts and states only before sign-in. */
    @GetMapping("/api/v1/tenders/{id}/expert-draws")
    List<DrawView> ofTender(@PathVariable UUID id, CurrentUser user) {
        return draws.ofTender(id, user);
    }

    /** Draws in the caller's region (staff, supervisors). */
    @GetMapping("/api/v1/expert-draws")
    List<DrawView> inMyRegion(CurrentUser user) {
        return draws.inMyRegion(user);
    }

    /** One draw (owners, the region's staff and supervisors). */
    @GetMapping("/api/v1/expert-draws/{id}")
    DrawView draw(@PathVariable UUID id, CurrentUser user) {
        return draws.get(id, user);
    }

    /** The SM3 of the draw's secret, from the supervisor's own tool ({@code sunbid-bidder draw-secret}). */
    record Commitment(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 64) String secretHash) {
    }

    /** The draw's secret (64 hex digits), revealed by the supervisor at the draw time. */
    record Reveal(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 64) String secret) {
    }

    /** A supervisor of the region commits to the draw's secret by its hash; the secret stays with the supervisor. */
    @PostMapping("/api/v1/expert-draws/{id}/commitment")
    DrawView commit(@PathVariable UUID id, @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody Commitment body,
            CurrentUser user) {
        return draws.commit(id, body.secretHash(), user);
    }

    /** Once the pool is fixed and the head signed, the supervisor reveals the secret and the draw runs. */
    @PostMapping("/api/v1/expert-draws/{id}/secret")
    DrawView reveal(@PathVariable UUID id, @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody Reveal body,
            CurrentUser user) {
        return draws.reveal(id, body.secret(), user);
    }

    /** After the evaluation began and every member signed in: publish the record (staff, supervisors). */
    @PostMapping("/api/v1/expert-draws/{id}/publication")
    DrawView publish(@PathVariable UUID id, CurrentUser user) {
        return draws.publish(id, user);
    }

    /** The published draw record (public): what {@code sunbid-verifier verify-draw} recomputes. */
    @GetMapping("/api/v1/expert-draws/{id}/record")
    Map<String, Object> record(@PathVariable UUID id) {
        return draws.record(id);
    }

    record RatingInput(UUID expertId, int score, List<Violation> violations, String note) {
    }

    /** The tenderee's side or centre staff rate a member's conduct after the evaluation. */
    @PostMapping("/api/v1/expert-draws/{id}/ratings")
    Map<String, String> rate(@PathVariable UUID id, @RequestBody RatingInput body, CurrentUser user) {
        draws.rate(id, body.expertId(), body.score(), body.violations(), body.note(), user);
        return Map.of("result", "RECORDED");
    }

    /** The signed-in expert's draws: when, where, and what is asked of them. */
    @GetMapping("/api/v1/experts/me/draws")
    List<MyDraw> myDraws(CurrentUser user) {
        return draws.mine(user);
    }

    record SignInInput(String signature) {
    }

    /** A confirmed member signs in at the evaluation with their certificate (signature over the challenge). */
    @PostMapping("/api/v1/experts/me/draws/{id}/sign-in")
    MyDraw signIn(@PathVariable UUID id, @RequestBody SignInInput body, CurrentUser user) {
        return draws.signIn(id, body.signature(), user);
    }

    /**
     * The voice/SMS gateway relays an expert's reply: the raw body is what the gateway signed, the signature comes in
     * X-Gateway-Signature. A forged, reused or late code changes nothing.
     */
    @PostMapping("/api/v1/experts/notifier/replies")
    Map<String, String> reply(HttpServletRequest request,
            @RequestHeader(name = "X-Gateway-Signature", required = false) String signature) throws IOException {
        byte[] body = org.sunbid.platform.kernel.SignedBodies.read(request, MAX_REPLY, ExpertsError.REPLY_NOT_SIGNED);
        return Map.of("answer", draws.reply(body, signature).name());
    }
}
