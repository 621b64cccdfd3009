package org.sunbid.platform.credit.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import org.sunbid.platform.catalog.WorkingDays;

/**
 * One case brought by a recorded organisation about its credit record — a repair application (信用修复, 信用修复管理办法
 * Art. 16: accepted ≤3 and decided ≤7 working days after acceptance) or an objection (异议, Art. 18: decided ≤7 working
 * days) — as a state machine: each step checks the stage it may be taken in and sets the next step's due date, counted
 * in working days (the start day not counted) by the platform's working-day calendar from the injected clock's day in
 * China. A due date is the last day allowed; the case is overdue from the day after it.
 */
public final class CreditCase {

    /** The zone in which a case's days are counted. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * The steps and limits of a kind of case.
     *
     * @param name       what the case is (for messages): {@code repair}, {@code objection}
     * @param acceptDays working days to accept (受理) after filing, or 0 where the case has no acceptance step
     * @param decideDays working days to decide after acceptance (or after filing without an acceptance step)
     * @param article    the article setting the limits
     */
    public record Kind(String name, int acceptDays, int decideDays, String article) {

        public Kind {
            Objects.requireNonNull(name);
            if (acceptDays < 0 || decideDays <= 0) {
                throw new IllegalArgumentException("working days must be positive");
            }
        }

        /** Whether the case is accepted before it is decided. */
        public boolean accepts() {
            return acceptDays > 0;
        }
    }

    /** 信用修复: accepted within 3 working days, decided within 7 more (信用修复管理办法 Art. 16). */
    public static final Kind REPAIR = new Kind("repair", 3, 7, "信用修复管理办法第十六条");
    /** 异议: decided within 7 working days (信用修复管理办法 Art. 18). */
    public static final Kind OBJECTION = new Kind("objection", 0, 7, "信用修复管理办法第十八条");

    /** Where a case stands. */
    public enum Stage {
        /** Filed, awaiting acceptance (受理). */
        AWAITING_ACCEPTANCE,
        /** Accepted (or filed, without an acceptance step), awaiting the decision. */
        AWAITING_DECISION,
        /** Decided: in the applicant's favour (准予修复 / 异议成立). */
        GRANTED,
        /** Decided: refused (不予受理 / 不予修复 / 异议不成立). */
        REFUSED;

        /** Whether a supervisor still has to act. */
        public boolean open() {
            return this == AWAITING_ACCEPTANCE || this == AWAITING_DECISION;
        }
    }

    /** A step taken at the wrong stage: {@code step} was asked while the case was at {@code stage}. */
    public static final class StepNotAllowed extends IllegalStateException {

        private final String step;
        private final Stage stage;

        StepNotAllowed(String step, Stage stage) {
            super(step + " not allowed at " + stage);
            this.step = step;
            this.stage = stage;
        }

        public String step() {
            return step;
        }

        public Stage stage() {
            return stage;
        }
    }

    private final Kind kind;
    private final WorkingDays workingDays;
    private final Clock clock;
    private Stage stage;
    private final LocalDate acceptDue;
    private LocalDate decideDue;

    private CreditCase(Kind kind, Stage stage, LocalDate acceptDue, LocalDate decideDue, WorkingDays workingDays, Clock clock) {
        this.kind = Objects.requireNonNull(kind);
        this.stage = Objects.requireNonNull(stage);
        this.acceptDue = acceptDue;
        this.decideDue = decideDue;
        this.workingDays = Objects.requireNonNull(workingDays);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A case filed now: awaiting acceptance (due in {@link Kind#acceptDays}) or, without that step, the decision. */
    public static CreditCase file(Kind kind, WorkingDays workingDays, Clock clock) {
        LocalDate today = today(clock.instant());
        return kind.accepts()
                ? new CreditCase(kind, Stage.AWAITING_ACCEPTANCE, workingDays.plus(today, kind.acceptDays()), null, workingDays, clock)
                : new CreditCase(kind, Stage.AWAITING_DECISION, null, workingDays.plus(today, kind.decideDays()), workingDays, clock);
    }

    /** A case as stored. */
    public static CreditCase of(Kind kind, Stage stage, LocalDate acceptDue, LocalDate decideDue, WorkingDays workingDays, Clock clock) {
        return new CreditCase(kind, stage, acceptDue, decideDue, workingDays, clock);
    }

    /** 受理 now: only a case awaiting acceptance; the decision is then due in {@link Kind#decideDays} working days. */
    public LocalDate accept() {
        if (stage != Stage.AWAITING_ACCEPTANCE) {
            throw new StepNotAllowed("accept", stage);
        }
        stage = Stage.AWAITING_DECISION;
        decideDue = workingDays.plus(today(clock.instant()), kind.decideDays());
        return decideDue;
    }

    /**
     * Decides now: granting only a case awaiting its decision (a repair is never granted before it is accepted);
     * refusing any open case (a repair may be refused at intake, 不予受理).
     */
    public void decide(boolean grant) {
        if (grant ? stage != Stage.AWAITING_DECISION : !stage.open()) {
            throw new StepNotAllowed(grant ? "grant" : "refuse", stage);
        }
        stage = grant ? Stage.GRANTED : Stage.REFUSED;
    }

    public Kind kind() {
        return kind;
    }

    public Stage stage() {
        return stage;
    }

    /** The last day to accept, or null where the case has no acceptance step. */
    public LocalDate acceptDue() {
        return acceptDue;
    }

    /** The last day to decide, or null before acceptance. */
    public LocalDate decideDue() {
        return decideDue;
    }

    /** The last day for the step now awaited, or null once decided. */
    public LocalDate due() {
        return switch (stage) {
            case AWAITING_ACCEPTANCE -> acceptDue;
            case AWAITING_DECISION -> decideDue;
            case GRANTED, REFUSED -> null;
        };
    }

    /** The instant the awaited step's due day ends (the start of the next day in China), or null once decided. */
    public Instant deadline() {
        LocalDate due = due();
        return due == null ? null : due.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** Whether the awaited step is past its due day now. */
    public boolean overdue() {
        Instant deadline = deadline();
        return deadline != null && !clock.instant().isBefore(deadline);
    }

    /** The day of {@code at} in China. */
    public static LocalDate today(Instant at) {
        return at.atZone(ZONE).toLocalDate();
    }
}
