package org.sunbid.platform.supervision.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.screening.bids.BidScreens;
import org.sunbid.screening.bids.ComparableLots;
import org.sunbid.screening.bids.LotProfile;
import org.sunbid.screening.bids.Screen;

/**
 * Supervision's history of screened lots ({@code supervision_screened_lot}): the screens of every lot opened with four
 * bids or more, against which the next lot is compared. Written after the opening only.
 */
@Component
class ScreenHistory {

    private final JdbcClient jdbc;

    ScreenHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every screened lot (each lot's rounds apart: a lot's round r is "lotId/r"). */
    List<ComparableLots.ScreenedLot> all() {
        return jdbc.sql("SELECT * FROM supervision_screened_lot ORDER BY opened_at, lot_id, round").query(ScreenHistory::row).list();
    }

    /** Whether lot {@code lotId}'s round was screened already (a redelivered event). */
    boolean screened(UUID lotId, int round) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_screened_lot WHERE lot_id = :l AND round = :r").param("l", lotId)
                .param("r", round).query(Long.class).single() > 0;
    }

    /** Records a lot's screens once; false if it was there already. */
    boolean record(UUID lotId, int round, String source, LotProfile profile, BidScreens screens, ComparableLots.Group group,
            List<Screen> flagged, Instant openedAt, String by, Instant now) {
        Map<Screen, Double> v = screens.values();
        return jdbc.sql("""
                INSERT INTO supervision_screened_lot (lot_id, round, source, kind, region_code, size_band, bids, cv, spd, diffp, rd,
                    rdnor, skewness, kurtosis, sub3_cv, sub4_cv, comparable, flagged, opened_at, created_by, created_at)
                VALUES (:l, :r, :src, :k, :reg, :band, :n, :cv, :spd, :diffp, :rd, :rdnor, :skew, :kurt, :s3, :s4, :g, :f, :o, :by, :now)
                ON CONFLICT (lot_id, round) DO NOTHING""")
                .param("l", lotId).param("r", round).param("src", source).param("k", profile.kind())
                .param("reg", profile.region()).param("band", profile.sizeBand()).param("n", screens.bids())
                .param("cv", v.get(Screen.CV)).param("spd", v.get(Screen.SPD)).param("diffp", v.get(Screen.DIFFP))
                .param("rd", v.get(Screen.RD)).param("rdnor", v.get(Screen.RDNOR)).param("skew", v.get(Screen.SKEWNESS))
                .param("kurt", v.get(Screen.KURTOSIS)).param("s3", v.get(Screen.SUB3_CV)).param("s4", v.get(Screen.SUB4_CV))
                .param("g", group.name()).param("f", flagged.stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("o", Timestamp.from(openedAt)).param("by", by).param("now", Timestamp.from(now)).update() == 1;
    }

    /** Removes imported history lot {@code lotId} (an import taken back). */
    void forgetImported(UUID lotId) {
        jdbc.sql("DELETE FROM supervision_screened_lot WHERE lot_id = :l AND source = 'imported'").param("l", lotId).update();
    }

    private static ComparableLots.ScreenedLot row(ResultSet rs, int i) throws SQLException {
        Map<Screen, Double> v = new EnumMap<>(Screen.class);
        put(v, Screen.CV, rs, "cv");
        put(v, Screen.SPD, rs, "spd");
        put(v, Screen.DIFFP, rs, "diffp");
        put(v, Screen.RD, rs, "rd");
        put(v, Screen.RDNOR, rs, "rdnor");
        put(v, Screen.SKEWNESS, rs, "skewness");
        put(v, Screen.KURTOSIS, rs, "kurtosis");
        put(v, Screen.SUB3_CV, rs, "sub3_cv");
        put(v, Screen.SUB4_CV, rs, "sub4_cv");
        return new ComparableLots.ScreenedLot(rs.getString("lot_id") + "/" + rs.getInt("round"),
                new LotProfile(rs.getString("kind"), rs.getString("region_code"), rs.getInt("size_band")), v);
    }

    private static void put(Map<Screen, Double> v, Screen s, ResultSet rs, String column) throws SQLException {
        double d = rs.getDouble(column);
        if (!rs.wasNull()) {
            v.put(s, d);
        }
    }
}
