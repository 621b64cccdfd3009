package org.sunbid.platform.workbench;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.sunbid.platform.experts.ExpertDraws;
import org.sunbid.platform.experts.ExpertsError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.tendering.TenderView;

/**
 * The expert draw request (专家抽取申请) form on the tender page: evaluation start in Beijing time from a
 * datetime-local input, up to {@link #ROWS} rows of specialty and count, pool regions, and the manual avoidance list
 * one name (or expert id) per line. Kept as typed, so a refused request comes back with its input.
 */
record DrawRequestForm(String evaluationStart, String evaluationVenue, String representatives, List<String> specialty,
        List<String> count, List<String> poolRegions, String avoid) {

    static final int ROWS = 3;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** A first guess: the evaluation two hours after the opening, one representative, four experts of one specialty. */
    static DrawRequestForm suggested(TenderView tender) {
        LocalDateTime start = LocalDateTime.ofInstant(tender.bidDeadline().plus(2, ChronoUnit.HOURS), BEIJING)
                .truncatedTo(ChronoUnit.MINUTES);
        return new DrawRequestForm(start.toString(), "", "1", List.of(), List.of("4"), List.of(tender.regionCode()), "");
    }

    public String specialtyAt(int row) {
        return specialty == null || row >= specialty.size() ? "" : specialty.get(row);
    }

    public String countAt(int row) {
        return count == null || row >= count.size() ? "" : count.get(row);
    }

    public boolean hasRegion(String code) {
        return poolRegions != null && poolRegions.contains(code);
    }

    /** The request, or a refusal naming the field that cannot be read. */
    ExpertDraws.DrawRequest request() {
        Instant start;
        try {
            start = LocalDateTime.parse(evaluationStart == null ? "" : evaluationStart.strip()).atZone(BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException(ExpertsError.DRAW_INVALID, "evaluationStart");
        }
        int reps = number(representatives, "representatives");
        List<ExpertDraws.SpecialtyCount> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            if (!specialtyAt(i).isBlank()) {
                rows.add(new ExpertDraws.SpecialtyCount(specialtyAt(i).strip(), number(countAt(i), "specialties")));
            }
        }
        List<String> names = avoid == null ? List.of()
                : avoid.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new ExpertDraws.DrawRequest(start, evaluationVenue == null ? "" : evaluationVenue.strip(), reps, rows,
                poolRegions == null ? List.of() : List.copyOf(poolRegions), names);
    }

    private static int number(String text, String field) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new DomainException(ExpertsError.DRAW_INVALID, field);
        }
    }
}
