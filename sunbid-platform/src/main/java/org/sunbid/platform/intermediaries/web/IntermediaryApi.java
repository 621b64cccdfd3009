package org.sunbid.platform.intermediaries.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.intermediaries.Intermediaries;
import org.sunbid.platform.intermediaries.Selections;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The intermediary market's API (中介超市): public reads of the service kinds, the approved intermediaries with their
 * ratings, the thresholds, the published results and draw records; an intermediary's registration and the staff's
 * review; an owner's request, its draw's reveal, quotes and their opening, and the rating.
 */
@RestController
class IntermediaryApi {

    private final Intermediaries intermediaries;
    private final Selections selections;

    IntermediaryApi(Intermediaries intermediaries, Selections selections) {
        this.intermediaries = intermediaries;
        this.selections = selections;
    }

    record Qualification(@NotBlank @Size(max = 40) String serviceKind, @NotBlank @Size(max = 100) String certificateNo,
            @NotBlank @Size(max = 50) String grade, @NotNull LocalDate validFrom, @NotNull LocalDate validUntil) {
    }

    record RegistrationBody(@NotBlank @Size(max = 100) String contact, @NotBlank @Size(max = 40) String phone,
            @Size(max = 2000) String introduction, @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Qualification> qualifications,
            @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 12) String> areas) {

        Intermediaries.Registration form() {
            return new Intermediaries.Registration(contact, phone, introduction, qualifications.stream()
                    .map(q -> new Intermediaries.QualificationForm(q.serviceKind(), q.certificateNo(), q.grade(), q.validFrom(),
                            q.validUntil())).toList(), areas);
        }
    }

    record ReviewBody(boolean approve, @Size(max = 500) String note) {
    }

    record ThresholdBody(@NotBlank @Size(max = 12) String regionCode, @Size(max = 40) String serviceKind,
            @NotNull @Min(0) BigDecimal maxAmount, @NotNull LocalDate validFrom, LocalDate validUntil,
            @NotBlank @Size(max = 500) String basis) {
    }

    record ServiceRequestBody(@NotBlank @Size(max = 40) String serviceKind, @NotBlank @Size(max = 12) String regionCode,
            @NotBlank @Size(max = 200) String title, @NotNull BigDecimal budget, @NotNull LocalDate serviceStart,
            @NotNull LocalDate serviceEnd, @NotNull Selections.Method method, Instant quoteDeadline, UUID directId,
            @Size(max = 300) String directReason, @Size(max = 20) List<String> witnesses, @Size(max = 64) String secretHash) {
    }

    record CommitBody(@NotBlank @Size(max = 64) String secretHash, @NotNull @Size(min = 1, max = 20) List<String> witnesses) {
    }

    record RevealBody(@NotBlank @Size(max = 64) String secret) {
    }

    record QuoteBody(@NotNull BigDecimal amount) {
    }

    record RatingBody(@Min(1) @Max(5) int score, @Size(max = 1000) String comment) {
    }

    @GetMapping("/api/v1/intermediaries/service-kinds")
    List<Intermediaries.ServiceKind> kinds() {
        return intermediaries.serviceKinds();
    }

    @GetMapping("/api/v1/intermediaries")
    List<Intermediaries.Profile> published(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String region) {
        return intermediaries.published(kind, region);
    }

    @GetMapping("/api/v1/intermediaries/{id}")
    Intermediaries.Profile profile(@PathVariable UUID id, @Nullable CurrentUser user) {
        return intermediaries.profile(id, user);
    }

    @PostMapping("/api/v1/intermediaries/registration")
    Intermediaries.Profile register(@Valid @RequestBody RegistrationBody body, CurrentUser user) {
        return intermediaries.register(body.form(), user);
    }

    @GetMapping("/api/v1/intermediaries/registrations")
    List<Intermediaries.Profile> registrations(CurrentUser user) {
        return intermediaries.registrations(user);
    }

    @PostMapping("/api/v1/intermediaries/{id}/review")
    Intermediaries.Profile review(@PathVariable UUID id, @Valid @RequestBody ReviewBody body, CurrentUser user) {
        return intermediaries.review(id, body.approve(), body.note(), user);
    }

    @GetMapping("/api/v1/intermediaries/direct-thresholds")
    List<Intermediaries.Threshold> thresholds() {
        return intermediaries.thresholds();
    }

    @PostMapping("/api/v1/intermediaries/direct-thresholds")
    Intermediaries.Threshold defineThreshold(@Valid @RequestBody ThresholdBody body, CurrentUser user) {
        return intermediaries.defineThreshold(new Intermediaries.Threshold(null, body.regionCode(),
                body.serviceKind() == null || body.serviceKind().isBlank() ? null : body.serviceKind(), body.maxAmount(),
                body.validFrom(), body.validUntil(), body.basis()), user);
    }

    @GetMapping("/api/v1/intermediaries/results")
    List<Selections.ResultView> results() {
        return selections.results();
    }

    @PostMapping("/api/v1/intermediary-requests")
    Selections.RequestView request(@Valid @RequestBody ServiceRequestBody body, CurrentUser user) {
        return selections.request(new Selections.ServiceRequest(body.serviceKind(), body.regionCode(), body.title(), body.budget(),
                body.serviceStart(), body.serviceEnd(), body.method(), body.quoteDeadline(), body.directId(), body.directReason(),
                body.witnesses(), body.secretHash()), user);
    }

    @GetMapping("/api/v1/intermediary-requests")
    List<Selections.RequestView> list(CurrentUser user) {
        return selections.list(user);
    }

    @GetMapping("/api/v1/intermediary-requests/{id}")
    Selections.RequestView view(@PathVariable UUID id, CurrentUser user) {
        return selections.view(id, user);
    }

    @PostMapping("/api/v1/intermediary-requests/{id}/draw/commit")
    Selections.RequestView commit(@PathVariable UUID id, @Valid @RequestBody CommitBody body, CurrentUser user) {
        return selections.commitDraw(id, body.secretHash(), body.witnesses(), user);
    }

    @PostMapping("/api/v1/intermediary-requests/{id}/draw/reveal")
    Selections.RequestView reveal(@PathVariable UUID id, @Valid @RequestBody RevealBody body, CurrentUser user) {
        return selections.reveal(id, body.secret(), user);
    }

    @PostMapping("/api/v1/intermediary-requests/{id}/quotes")
    Selections.QuoteView quote(@PathVariable UUID id, @Valid @RequestBody QuoteBody body, CurrentUser user) {
        return selections.quote(id, body.amount(), user);
    }

    @PostMapping("/api/v1/intermediary-requests/{id}/quotes/opening")
    Selections.RequestView openQuotes(@PathVariable UUID id, CurrentUser user) {
        return selections.openQuotes(id, user);
    }

    @PostMapping("/api/v1/intermediary-requests/{id}/rating")
    Selections.RequestView rate(@PathVariable UUID id, @Valid @RequestBody RatingBody body, CurrentUser user) {
        return selections.rate(id, body.score(), body.comment(), user);
    }

    @GetMapping("/api/v1/intermediary-draws/{id}/record")
    Map<String, Object> drawRecord(@PathVariable UUID id) {
        return selections.drawRecord(id);
    }
}
