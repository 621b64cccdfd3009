package org.sunbid.platform.experts;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.sunbid.platform.experts.ExpertDraws.DrawRequest;
import org.sunbid.platform.experts.ExpertDraws.SpecialtyCount;

/**
 * The form of a draw request and of a supervisor's secret (plain rules, no state): which field of a request is out of
 * bounds, and whether a text is 64 hex digits (an SM3 commitment or the 256-bit secret it commits to).
 */
final class DrawRequestCheck {

    /** At most this many specialties per request. */
    static final int MAX_SPECIALTIES = 6;
    static final int MAX_PER_SPECIALTY = 50;
    static final int MAX_POOL_REGIONS = 10;
    static final int MAX_REPRESENTATIVES = 50;
    static final int MAX_AVOIDED = 200;
    static final int MAX_VENUE = 200;

    private DrawRequestCheck() {
    }

    /**
     * The first field of {@code input} that is missing or out of bounds (the name the API reports), if any.
     *
     * @param leafSpecialties the specialty codes that may be requested (leaves of the taxonomy)
     * @param regionExists    whether a region code is known
     */
    static Optional<String> invalidField(DrawRequest input, Set<String> leafSpecialties, Predicate<String> regionExists) {
        if (input == null || input.evaluationStart() == null) {
            return Optional.of("evaluationStart");
        }
        if (input.evaluationVenue() == null || input.evaluationVenue().isBlank() || input.evaluationVenue().length() > MAX_VENUE) {
            return Optional.of("evaluationVenue");
        }
        List<SpecialtyCount> specialties = input.specialties();
        if (specialties == null || specialties.isEmpty() || specialties.size() > MAX_SPECIALTIES) {
            return Optional.of("specialties");
        }
        Set<String> seen = new HashSet<>();
        for (SpecialtyCount s : specialties) {
            if (s == null || s.code() == null || !leafSpecialties.contains(s.code()) || !seen.add(s.code()) || s.count() < 1
                    || s.count() > MAX_PER_SPECIALTY) {
                return Optional.of("specialties");
            }
        }
        if (input.poolRegions() == null || input.poolRegions().isEmpty() || input.poolRegions().size() > MAX_POOL_REGIONS
                || input.poolRegions().stream().anyMatch(r -> r == null || !regionExists.test(r))) {
            return Optional.of("poolRegions");
        }
        if (input.representatives() < 0 || input.representatives() > MAX_REPRESENTATIVES) {
            return Optional.of("representatives");
        }
        if (input.avoid() != null && input.avoid().size() > MAX_AVOIDED) {
            return Optional.of("avoid");
        }
        return Optional.empty();
    }

    /** {@code text} stripped and lower-cased if it is 64 hex digits. */
    static Optional<String> hex64(String text) {
        String hex = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return hex.matches("[0-9a-f]{64}") ? Optional.of(hex) : Optional.empty();
    }
}
