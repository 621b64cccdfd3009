package org.sunbid.platform.supervision.warnings;

import java.time.LocalDate;

import org.sunbid.platform.kernel.DomainException;

/**
 * The life of one warning (预警处置), plain Java: triage (accept for investigation, or dismiss at once), notes while it
 * is open, a decision with its legal basis after investigation, and for a correction (责令改正, 招标投标法实施条例
 * Art. 82 and 政府采购法实施条例 Art. 67 give the supervisor that power) the deadline tracked until it is done. Each
 * method checks the step is possible now and returns the case as it is after it; nothing is changed on a refusal.
 * Text limits: {@value #MAX_TEXT} characters.
 */
public final class WarningCase {

    /** The longest note, reason or basis accepted. */
    public static final int MAX_TEXT = 4000;

    private final WarningStatus status;
    private final Decision decision;
    private final LocalDate correctionDue;

    private WarningCase(WarningStatus status, Decision decision, LocalDate correctionDue) {
        this.status = status;
        this.decision = decision;
        this.correctionDue = correctionDue;
    }

    /** A warning as it is raised. */
    public static WarningCase raised() {
        return new WarningCase(WarningStatus.OPEN, null, null);
    }

    /** A warning as stored. */
    public static WarningCase of(WarningStatus status, Decision decision, LocalDate correctionDue) {
        return new WarningCase(status, decision, correctionDue);
    }

    public WarningStatus status() {
        return status;
    }

    public Decision decision() {
        return decision;
    }

    public LocalDate correctionDue() {
        return correctionDue;
    }

    /** Triage: accepted for investigation (立案调查). Only an open warning. */
    public WarningCase accept() {
        require("accept", WarningStatus.OPEN);
        return new WarningCase(WarningStatus.INVESTIGATING, null, null);
    }

    /** Triage: dismissed at once (不予立案), with its reason and basis. Only an open warning. */
    public WarningCase dismiss(String reason, String basis) {
        require("dismiss", WarningStatus.OPEN);
        text(reason, WarningField.REASON);
        basis(basis);
        return new WarningCase(WarningStatus.CLOSED, Decision.DISMISSED, null);
    }

    /** A note (调查记录) may be added until the warning is closed; the case does not change. */
    public WarningCase note(String text) {
        if (status == WarningStatus.CLOSED) {
            throw new DomainException(WarningError.WARNING_STEP_NOT_ALLOWED, "note", status);
        }
        text(text, WarningField.NOTE);
        return this;
    }

    /**
     * The decision after investigation, with its reason and legal basis. A correction needs a deadline after
     * {@code today} and waits for it to be done; any other decision closes the warning and takes no deadline.
     */
    public WarningCase decide(Decision decision, String reason, String basis, LocalDate due, LocalDate today) {
        require("decide", WarningStatus.INVESTIGATING);
        if (decision == null) {
            throw new DomainException(WarningError.WARNING_PARAMETER_INVALID, "decision", "");
        }
        text(reason, WarningField.REASON);
        basis(basis);
        if (decision == Decision.CORRECTED) {
            if (due == null || !due.isAfter(today)) {
                throw new DomainException(WarningError.WARNING_CORRECTION_DUE_INVALID, due == null ? "" : due.toString());
            }
            return new WarningCase(WarningStatus.CORRECTING, decision, due);
        }
        if (due != null) {
            throw new DomainException(WarningError.WARNING_CORRECTION_DUE_INVALID, due.toString());
        }
        return new WarningCase(WarningStatus.CLOSED, decision, null);
    }

    /** The correction was made (整改完成), as the supervisor verified it: the warning closes. Late is accepted. */
    public WarningCase corrected(String note) {
        require("correct", WarningStatus.CORRECTING);
        text(note, WarningField.NOTE);
        return new WarningCase(WarningStatus.CLOSED, decision, correctionDue);
    }

    /** Whether a correction is overdue on {@code today}: still awaited, and its deadline passed. */
    public boolean overdue(LocalDate today) {
        return status == WarningStatus.CORRECTING && correctionDue != null && today.isAfter(correctionDue);
    }

    private void require(String step, WarningStatus expected) {
        if (status != expected) {
            throw new DomainException(WarningError.WARNING_STEP_NOT_ALLOWED, step, status);
        }
    }

    private static void text(String text, WarningField field) {
        if (text == null || text.isBlank() || text.strip().length() > MAX_TEXT) {
            throw new DomainException(WarningError.WARNING_TEXT_REQUIRED, field);
        }
    }

    private static void basis(String basis) {
        if (basis == null || basis.isBlank() || basis.strip().length() > MAX_TEXT) {
            throw new DomainException(WarningError.WARNING_BASIS_REQUIRED);
        }
    }
}
