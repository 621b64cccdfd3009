package org.sunbid.platform.credit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.credit.CreditCorrection;
import org.sunbid.platform.credit.CreditError;
import org.sunbid.platform.credit.CreditObjections;
import org.sunbid.platform.credit.CreditProfiles;
import org.sunbid.platform.credit.CreditPublication;
import org.sunbid.platform.credit.CreditRecordView;
import org.sunbid.platform.credit.CreditRepairs;
import org.sunbid.platform.credit.CreditRules;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;

/**
 * Credit over HTTP: the records published now (public, as on {@code /credit}), the dated publication rules (public), an
 * organisation's profile (the services check who may see it), repair applications (信用修复) and objections (异议) with
 * their steps (the recorded organisation applies; a supervisor of the record's region decides).
 */
@RestController
@RequestMapping("/api/v1/credit")
class CreditApi {

    private final CreditPublication publication;
    private final CreditRepairs repairs;
    private final CreditObjections objections;
    private final CreditProfiles profiles;

    CreditApi(CreditPublication publication, CreditRepairs repairs, CreditObjections objections, CreditProfiles profiles) {
        this.publication = publication;
        this.repairs = repairs;
        this.objections = objections;
        this.profiles = profiles;
    }

    /** A published record as the public sees it (信用信息公示). */
    record PublishedRecord(UUID id, String subjectName, String creditCode, CreditClass creditClass, String conduct,
            String legalBasis, String issuingBody, String document, String regionCode, Instant publicationFrom,
            Instant publicationUntil, Instant restrictionFrom, Instant restrictionUntil, List<String> gates, Instant correctedAt) {

        static PublishedRecord of(CreditRecordView r) {
            return new PublishedRecord(r.id(), r.subjectName(), r.subject().key(), r.creditClass(), r.conduct(), r.legalBasis(),
                    r.issuingBody(), r.document(), r.regionCode(), r.publicationFrom(), r.publicationUntil(), r.restrictionFrom(),
                    r.restrictionUntil(), r.gates().stream().map(Enum::name).sorted().toList(), r.correctedAt());
        }
    }

    @GetMapping("/records")
    List<PublishedRecord> published(@RequestParam(required = false) String q, @RequestParam(name = "class", required = false) String cls) {
        return publication.publishedNow(q, creditClass(cls)).stream().map(PublishedRecord::of).toList();
    }

    /** A dated rule's class band, for people and programs. */
    record Band(CreditClass creditClass, boolean published, String minimum, String maximum, String article) {
    }

    record Rule(String id, String name, LocalDate effectiveFrom, LocalDate effectiveUntil, List<Band> bands, Band falseMaterial) {
    }

    @GetMapping("/rules")
    List<Rule> rules() {
        return CreditRules.RULES.stream().map(r -> new Rule(r.id(), r.name(), r.effectiveFrom(), r.effectiveUntil(),
                java.util.Arrays.stream(CreditClass.values()).map(c -> band(c, r.band(c))).toList(),
                r.falseMaterial() == null ? null : band(null, r.falseMaterial()))).toList();
    }

    private static Band band(CreditClass c, CreditRules.Band b) {
        return new Band(c, b.published(), b.minimum().toString(), b.maximum().toString(), b.article());
    }

    @GetMapping("/profiles/{id}")
    CreditProfiles.Profile profile(@PathVariable("id") UUID organisationId, CurrentUser user) {
        return profiles.profile(organisationId, user);
    }

    record Application(String reason, List<String> documents) {
    }

    @PostMapping("/records/{id}/repairs")
    @ResponseStatus(HttpStatus.CREATED)
    CreditRepairs.RepairView apply(@PathVariable UUID id, @RequestBody Application body, CurrentUser user) {
        return repairs.apply(id, body.reason(), body.documents(), user);
    }

    @GetMapping("/repairs")
    List<CreditRepairs.RepairView> repairs(CurrentUser user) {
        return repairs.visibleTo(user);
    }

    @GetMapping("/repairs/{id}")
    CreditRepairs.RepairView repair(@PathVariable UUID id, CurrentUser user) {
        return repairs.get(id, user);
    }

    record Note(String note) {
    }

    @PostMapping("/repairs/{id}/acceptance")
    CreditRepairs.RepairView accept(@PathVariable UUID id, @RequestBody(required = false) Note body, CurrentUser user) {
        return repairs.accept(id, body == null ? null : body.note(), user);
    }

    record Decision(String decision, String reason) {
    }

    /** {@code decision}: APPROVE (准予修复) or REFUSE (不予修复). */
    @PostMapping("/repairs/{id}/decision")
    CreditRepairs.RepairView decide(@PathVariable UUID id, @RequestBody Decision body, CurrentUser user) {
        return repairs.decide(id, choice(body.decision(), "APPROVE", "REFUSE"), body.reason(), user);
    }

    @PostMapping("/records/{id}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    CreditObjections.ObjectionView object(@PathVariable UUID id, @RequestBody Application body, CurrentUser user) {
        return objections.file(id, body.reason(), body.documents(), user);
    }

    @GetMapping("/objections")
    List<CreditObjections.ObjectionView> objections(CurrentUser user) {
        return objections.visibleTo(user);
    }

    @GetMapping("/objections/{id}")
    CreditObjections.ObjectionView objection(@PathVariable UUID id, CurrentUser user) {
        return objections.get(id, user);
    }

    /** The corrected values of an upheld objection (更正); a missing field keeps the record's value. */
    record Correction(String creditClass, Instant restrictionUntil, Instant publicationUntil, String conduct, String document) {
    }

    record ObjectionDecision(String decision, String reason, String outcome, Correction correction) {
    }

    /**
     * {@code decision}: UPHOLD (异议成立) or DISMISS; upheld, {@code outcome} WITHDRAW (the default: the record is withdrawn)
     * or CORRECT with the {@code correction} (Art. 18).
     */
    @PostMapping("/objections/{id}/decision")
    CreditObjections.ObjectionView decideObjection(@PathVariable UUID id, @RequestBody ObjectionDecision body, CurrentUser user) {
        boolean upheld = choice(body.decision(), "UPHOLD", "DISMISS");
        return objections.decide(id, upheld, body.reason(), correction(body.outcome(), body.correction()), user);
    }

    /** The correction asked for: CORRECT needs one, WITHDRAW (or none) takes none. */
    static CreditCorrection correction(String outcome, Correction c) {
        String o = outcome == null || outcome.isBlank() ? (c == null ? "WITHDRAW" : "CORRECT") : outcome.strip().toUpperCase(Locale.ROOT);
        if (o.equals("WITHDRAW") && c == null) {
            return null;
        }
        if (!o.equals("CORRECT") || c == null) {
            throw new DomainException(CreditError.CREDIT_PARAMETER_INVALID, "outcome", outcome == null ? "" : outcome);
        }
        return new CreditCorrection(creditClass(c.creditClass()), c.restrictionUntil(), c.publicationUntil(), c.conduct(), c.document());
    }

    /** A class as typed (blank: any); a wrong one: CREDIT_PARAMETER_INVALID. */
    static CreditClass creditClass(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CreditClass.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(CreditError.CREDIT_PARAMETER_INVALID, "class", value);
        }
    }

    private static boolean choice(String value, String yes, String no) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (v.equals(yes)) {
            return true;
        }
        if (v.equals(no)) {
            return false;
        }
        throw new DomainException(CreditError.CREDIT_PARAMETER_INVALID, "decision", value == null ? "" : value);
    }
}
