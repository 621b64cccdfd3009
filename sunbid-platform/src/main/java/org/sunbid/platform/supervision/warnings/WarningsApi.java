package org.sunbid.platform.supervision.warnings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The warning queue over HTTP (监督预警): the queue of the caller's regions with filters, one warning with its evidence
 * and steps, and the steps of its life (triage, notes, decision, correction), which only a supervisor of its region
 * takes. Out of the caller's regions a warning is not found; a caller without a queue is forbidden.
 */
@RestController
@RequestMapping("/api/v1/supervision/warnings")
class WarningsApi {

    private final WarningQueue queue;

    WarningsApi(WarningQueue queue) {
        this.queue = queue;
    }

    @GetMapping
    List<WarningView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String source, @RequestParam(required = false) String minAge,
            @RequestParam(required = false) String maxAge, @RequestParam(required = false) String overdue, CurrentUser user) {
        return queue.queue(user, WarningFilter.parse(status, severity, source, minAge, maxAge, overdue), 500);
    }

    /** The open warnings of the caller's regions by severity and age, with those awaiting triage and overdue. */
    @GetMapping("/summary")
    WarningQueue.Summary summary(CurrentUser user) {
        return queue.summary(user);
    }

    @GetMapping("/{id}")
    WarningView get(@PathVariable UUID id, CurrentUser user) {
        return queue.get(id, user);
    }

    record TextBody(String note, String text, String reason, String basis) {
    }

    @PostMapping("/{id}/acceptance")
    WarningView accept(@PathVariable UUID id, @RequestBody(required = false) TextBody body, CurrentUser user) {
        return queue.accept(id, body == null ? null : body.note(), user);
    }

    @PostMapping("/{id}/dismissal")
    WarningView dismiss(@PathVariable UUID id, @RequestBody TextBody body, CurrentUser user) {
        return queue.dismiss(id, body.reason(), body.basis(), user);
    }

    @PostMapping("/{id}/notes")
    WarningView note(@PathVariable UUID id, @RequestBody TextBody body, CurrentUser user) {
        return queue.note(id, body.text() != null ? body.text() : body.note(), user);
    }

    /**
     * A decision; for a sanction optionally its credit terms (issue 20): {@code creditClass} (MINOR/GENERAL/SERIOUS),
     * {@code restrictionLastDay} (yyyy-MM-dd), {@code gates} (BIDDING, INVITATION, …) and the decision {@code document}.
     */
    record DecisionBody(String decision, String reason, String basis, String correctionDue, String partyCreditCode,
            String partyName, String creditClass, String restrictionLastDay, List<String> gates, String document) {
    }

    @PostMapping("/{id}/decision")
    WarningView decide(@PathVariable UUID id, @RequestBody DecisionBody body, CurrentUser user) {
        return queue.decide(id, new WarningQueue.DecisionForm(decision(body.decision()), body.reason(), body.basis(),
                date(body.correctionDue()), body.partyCreditCode(), body.partyName(), creditClass(body.creditClass()),
                date("restrictionLastDay", body.restrictionLastDay()), gates(body.gates()), body.document()), user);
    }

    static org.sunbid.platform.credit.CreditClass creditClass(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return org.sunbid.platform.credit.CreditClass.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(WarningError.WARNING_PARAMETER_INVALID, "creditClass", value);
        }
    }

    static java.util.Set<org.sunbid.platform.credit.Gate> gates(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        java.util.Set<org.sunbid.platform.credit.Gate> gates = java.util.EnumSet.noneOf(org.sunbid.platform.credit.Gate.class);
        for (String v : values) {
            try {
                gates.add(org.sunbid.platform.credit.Gate.valueOf(String.valueOf(v).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new DomainException(WarningError.WARNING_PARAMETER_INVALID, "gates", v);
            }
        }
        return gates;
    }

    @PostMapping("/{id}/correction")
    WarningView corrected(@PathVariable UUID id, @RequestBody TextBody body, CurrentUser user) {
        return queue.corrected(id, body.note() != null ? body.note() : body.text(), user);
    }

    /** A decision as typed; a wrong one: WARNING_PARAMETER_INVALID. */
    static Decision decision(String value) {
        if (value == null || value.isBlank()) {
            throw new DomainException(WarningError.WARNING_PARAMETER_INVALID, "decision", "");
        }
        try {
            return Decision.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(WarningError.WARNING_PARAMETER_INVALID, "decision", value);
        }
    }

    /** A date as typed (yyyy-MM-dd), blank for none; a wrong one: WARNING_PARAMETER_INVALID. */
    static LocalDate date(String value) {
        return date("correctionDue", value);
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException(WarningError.WARNING_PARAMETER_INVALID, field, value);
        }
    }
}
