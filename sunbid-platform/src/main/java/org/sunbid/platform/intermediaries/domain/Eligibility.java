package org.sunbid.platform.intermediaries.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may be selected for a request (中介服务机构入选条件): an intermediary whose registration the centre approved, that
 * registered the request's service kind with a qualification (资质) valid on the selection day, that serves a region
 * containing the request's region, and that no credit record in force bars at the agency-selection gate (the caller
 * asks credit and passes its reasons). Everyone registered for the kind but not eligible is left out with the reason, so
 * staff see why.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /** A qualification for one service kind: certificate number, grade and validity (both dates inclusive). */
    public record Qualification(String serviceKind, String certificateNo, String grade, LocalDate validFrom, LocalDate validUntil) {

        /** Whether the qualification is in force on {@code day}. */
        public boolean validOn(LocalDate day) {
            return !day.isBefore(validFrom) && !day.isAfter(validUntil);
        }
    }

    /**
     * What is known of an intermediary at selection time.
     *
     * @param approved  the centre approved its registration
     * @param areas     the codes of the regions it serves (each with its subtree)
     * @param creditBar the credit records barring it at the gate, named; null when none
     */
    public record Candidate(UUID id, String name, boolean approved, Set<String> areas, List<Qualification> qualifications,
            String creditBar) {
    }

    /** An intermediary left out, and why (shown to staff, logged). */
    public record Exclusion(UUID id, String name, String reason) {
    }

    /** The eligible ids (sorted) and the exclusions (by name). */
    public record Outcome(List<UUID> eligible, List<Exclusion> excluded) {
    }

    /**
     * Why {@code c} may not serve a request of {@code kind} in a region whose lineage (itself and its ancestors) is
     * {@code lineage} on {@code day}; empty when it may. Candidates that never registered the kind are not asked.
     */
    public static Optional<String> refusal(Candidate c, String kind, Set<String> lineage, LocalDate day) {
        if (!c.approved()) {
            return Optional.of("登记未经审核通过");
        }
        if (c.areas().stream().noneMatch(lineage::contains)) {
            return Optional.of("服务区域不含项目所在地区");
        }
        List<Qualification> ofKind = c.qualifications().stream().filter(q -> q.serviceKind().equals(kind)).toList();
        if (ofKind.stream().noneMatch(q -> q.validOn(day))) {
            Qualification last = ofKind.stream().max(Comparator.comparing(Qualification::validUntil)).orElse(null);
            return Optional.of(last == null ? "无该服务类别的资质"
                    : "资质 " + last.certificateNo() + " 不在有效期内（" + last.validFrom() + " 至 " + last.validUntil() + "）");
        }
        if (c.creditBar() != null) {
            return Optional.of("信用受限：" + c.creditBar());
        }
        return Optional.empty();
    }

    /** Splits the candidates registered for {@code kind} into the eligible and the excluded. */
    public static Outcome sort(List<Candidate> candidates, String kind, Set<String> lineage, LocalDate day) {
        List<UUID> eligible = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.qualifications().stream().noneMatch(q -> q.serviceKind().equals(kind))) {
                continue;
            }
            refusal(c, kind, lineage, day).ifPresentOrElse(r -> excluded.add(new Exclusion(c.id(), c.name(), r)),
                    () -> eligible.add(c.id()));
        }
        eligible.sort(Comparator.comparing(UUID::toString));
        excluded.sort(Comparator.comparing(Exclusion::name));
        return new Outcome(List.copyOf(eligible), List.copyOf(excluded));
    }
}
