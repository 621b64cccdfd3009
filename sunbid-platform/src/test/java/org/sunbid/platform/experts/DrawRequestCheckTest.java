package org.sunbid.platform.experts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.platform.experts.ExpertDraws.DrawRequest;
import org.sunbid.platform.experts.ExpertDraws.SpecialtyCount;

/** The form of a draw request, of a supervisor's secret and of an expert's reply (plain rules). */
class DrawRequestCheckTest {

    private static final Instant START = Instant.parse("2026-12-15T01:00:00Z");
    private static final Set<String> LEAVES = Set.of("A01", "A02", "B01", "B02", "C01", "C02", "C03");
    private static final Predicate<String> KNOWN = r -> r.startsWith("99");

    private static DrawRequest request(String venue, int representatives, List<SpecialtyCount> specialties,
            List<String> regions, List<String> avoid) {
        return new DrawRequest(START, venue, representatives, specialties, regions, avoid);
    }

    private static DrawRequest valid() {
        return request("云州市公共资源交易中心 3 号评标室", 0, List.of(new SpecialtyCount("A01", 5)), List.of("990100"), List.of());
    }

    private static String invalid(DrawRequest r) {
        return DrawRequestCheck.invalidField(r, LEAVES, KNOWN).orElse(null);
    }

    @Test
    void aCompleteRequestPasses() {
        assertThat(invalid(valid())).isNull();
        assertThat(invalid(request("室", 50, List.of(new SpecialtyCount("A01", 50)), List.of("990100"), null))).isNull();
    }

    @Test
    void eachFieldOutOfBoundsIsNamed() {
        assertThat(invalid(null)).isEqualTo("evaluationStart");
        assertThat(invalid(new DrawRequest(null, "室", 0, List.of(new SpecialtyCount("A01", 5)), List.of("990100"), List.of())))
                .isEqualTo("evaluationStart");
        assertThat(invalid(request(" ", 0, List.of(new SpecialtyCount("A01", 5)), List.of("990100"), List.of())))
                .isEqualTo("evaluationVenue");
        assertThat(invalid(request("x".repeat(201), 0, List.of(new SpecialtyCount("A01", 5)), List.of("990100"), List.of())))
                .isEqualTo("evaluationVenue");
        assertThat(invalid(request("室", 0, List.of(), List.of("990100"), List.of()))).isEqualTo("specialties");
        assertThat(invalid(request("室", 0, List.of(new SpecialtyCount("A", 5)), List.of("990100"), List.of())))
                .as("a parent of the taxonomy is not drawable").isEqualTo("specialties");
        assertThat(invalid(request("室", 0, List.of(new SpecialtyCount("A01", 3), new SpecialtyCount("A01", 2)),
                List.of("990100"), List.of()))).as("the same specialty twice").isEqualTo("specialties");
        assertThat(invalid(request("室", 0, List.of(new SpecialtyCount("A01", 0)), List.of("990100"), List.of())))
                .isEqualTo("specialties");
        assertThat(invalid(request("室", 0, List.of(new SpecialtyCount("A01", 51)), List.of("990100"), List.of())))
                .isEqualTo("specialties");
        List<SpecialtyCount> seven = LEAVES.stream().sorted().map(c -> new SpecialtyCount(c, 1)).toList();
        assertThat(invalid(request("室", 0, seven, List.of("990100"), List.of()))).isEqualTo("specialties");
        assertThat(invalid(request("室", 0, List.of(new SpecialtyCount("A01", 5)), List.of(), List.of())))
                .isEqualTo("poolRegions");
        assertThat(invalid(request("室", 0, List.of(new SpecialtyCount("A01", 5)), List.of("110000"), List.of())))
                .as("an unknown region").isEqualTo("poolRegions");
        assertThat(invalid(request("室", 0, List.of(new SpecialtyCount("A01", 5)), Collections.nCopies(11, "990100"),
                List.of()))).isEqualTo("poolRegions");
        assertThat(invalid(request("室", -1, List.of(new SpecialtyCount("A01", 5)), List.of("990100"), List.of())))
                .isEqualTo("representatives");
        assertThat(invalid(request("室", 51, List.of(new SpecialtyCount("A01", 5)), List.of("990100"), List.of())))
                .isEqualTo("representatives");
        List<String> avoid = new ArrayList<>(Collections.nCopies(201, "某人"));
        assertThat(invalid(request("室", 0, List.of(new SpecialtyCount("A01", 5)), List.of("990100"), avoid)))
                .isEqualTo("avoid");
    }

    @Test
    void aCommitmentAndASecretAreSixtyFourHexDigits() {
        String hex = "0123456789abcdef".repeat(4);
        assertThat(DrawRequestCheck.hex64(" " + hex.toUpperCase() + "\n")).contains(hex);
        assertThat(DrawRequestCheck.hex64(hex.substring(1))).isEmpty();
        assertThat(DrawRequestCheck.hex64(hex.substring(1) + "g")).isEmpty();
        assertThat(DrawRequestCheck.hex64(null)).isEmpty();
    }

    @Test
    void anExpertRepliesOneOrTwoWithTheNoticesCode() {
        assertThat(ExpertReply.parse("1 123456")).contains(new ExpertReply(DrawWalk.Outcome.ACCEPTED, "123456"));
        assertThat(ExpertReply.parse(" 2123456 ")).contains(new ExpertReply(DrawWalk.Outcome.DECLINED, "123456"));
        assertThat(ExpertReply.parse("3 123456")).isEmpty();
        assertThat(ExpertReply.parse("1 12345")).isEmpty();
        assertThat(ExpertReply.parse("1 123456 好的")).isEmpty();
        assertThat(ExpertReply.parse(null)).isEmpty();
    }
}
