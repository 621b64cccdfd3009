package org.sunbid.platform.intermediaries.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Direct selection thresholds (直接选取限额) as dated data per region and service kind, each with its basis: on a day,
 * the threshold that applies to a request is the one in force of the nearest region in the request region's lineage
 * (the region itself first, then its ancestors); within one region a kind-specific row beats a row for every kind.
 */
public final class DirectThreshold {

    private DirectThreshold() {
    }

    /** One row: {@code serviceKind} null means every kind; {@code validUntil} null means open-ended. */
    public record Row(String regionCode, String serviceKind, BigDecimal maxAmount, LocalDate validFrom, LocalDate validUntil,
            String basis) {

        boolean inForce(LocalDate day) {
            return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
        }
    }

    /** The threshold that applies; {@code lineage} lists the request's region first, then its ancestors. */
    public static Optional<Row> applicable(List<Row> rows, List<String> lineage, String kind, LocalDate day) {
        return rows.stream()
                .filter(r -> r.inForce(day) && lineage.contains(r.regionCode())
                        && (r.serviceKind() == null || r.serviceKind().equals(kind)))
                .min(Comparator.<Row>comparingInt(r -> lineage.indexOf(r.regionCode()))
                        .thenComparing(r -> r.serviceKind() == null ? 1 : 0)
                        .thenComparing(Row::validFrom, Comparator.reverseOrder()));
    }

    /** Whether {@code budget} may be selected directly under {@code row}. */
    public static boolean allows(Row row, BigDecimal budget) {
        return budget.compareTo(row.maxAmount()) <= 0;
    }
}
