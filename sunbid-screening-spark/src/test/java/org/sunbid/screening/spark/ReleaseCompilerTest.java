package org.sunbid.screening.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReleaseCompilerTest {

    @Test
    void mergesReleasesOldestFirstByOcdsRules() {
        // given out of date order; the award release repeats (a later daily file); bid "1" and 1 are one bid
        String award = "{\"ocid\":\"o\",\"id\":\"o-3\",\"date\":\"2026-03-01T00:00:00+08:00\",\"awards\":[{\"id\":\"a\","
                + "\"status\":\"active\",\"suppliers\":[{\"id\":\"S\"}]}],\"bids\":{\"details\":[{\"id\":1,\"status\":\"valid\"}]}}";
        String tender = "{\"ocid\":\"o\",\"id\":\"o-1\",\"date\":\"2026-01-01T00:00:00Z\",\"tag\":[\"tender\"],"
                + "\"buyer\":{\"id\":\"B\",\"name\":\"buyer\"},\"tender\":{\"status\":\"active\",\"items\":[\"x\",\"y\"],"
                + "\"procuringEntity\":{\"id\":\"P\"},\"note\":\"gone later\"}}";
        String bids = "{\"ocid\":\"o\",\"id\":\"o-2\",\"date\":\"2026-02-01T00:00:00Z\",\"tender\":{\"items\":[\"z\"],"
                + "\"note\":null},\"bids\":{\"details\":[{\"id\":\"1\",\"status\":\"pending\",\"value\":{\"amount\":0.10,"
                + "\"currency\":\"CNY\"}},{\"id\":2,\"status\":\"pending\",\"value\":{\"amount\":123456789012345678901.5}}]}}";

        String compiled = compile(award, tender, bids, award);

        assertEquals("{\"ocid\":\"o\",\"id\":\"o-compiled\",\"date\":\"2026-03-01T00:00:00+08:00\",\"tag\":[\"compiled\"],"
                + "\"buyer\":{\"id\":\"B\",\"name\":\"buyer\"},\"tender\":{\"status\":\"active\",\"items\":[\"z\"],"
                + "\"procuringEntity\":{\"id\":\"P\"}},\"bids\":{\"details\":[{\"id\":1,\"status\":\"valid\","
                + "\"value\":{\"amount\":0.10,\"currency\":\"CNY\"}},{\"id\":2,\"status\":\"pending\",\"value\":{\"amount\":"
                + "123456789012345678901.5}}]},\"awards\":[{\"id\":\"a\",\"status\":\"active\",\"suppliers\":[{\"id\":\"S\"}]}]}",
                compiled);
    }

    @Test
    void releasesWithoutADateKeepTheirInputOrderBeforeDatedOnes() {
        assertEquals("{\"ocid\":\"o\",\"v\":3,\"date\":\"2026-01-01T00:00:00Z\",\"id\":\"o-compiled\",\"tag\":[\"compiled\"]}",
                compile("{\"ocid\":\"o\",\"v\":1}", "{\"ocid\":\"o\",\"date\":\"2026-01-01T00:00:00Z\",\"v\":3}",
                        "{\"ocid\":\"o\",\"v\":2}"));
    }

    @Test
    void onlyALineHoldingOneObjectWithAStringOcidIsCompiled() {
        assertEquals("o", ReleaseCompiler.ocid(bytes(" {\"ocid\":\"o\"}\r")));
        for (String line : List.of("", "   ", "[1]", "{\"ocid\":1}", "{\"id\":\"x\"}", "{\"ocid\":\"o\"", "{\"ocid\":\"o\"} x",
                "\"o\"")) {
            assertNull(ReleaseCompiler.ocid(bytes(line)), line);
        }
    }

    private static String compile(String... releases) {
        return new String(ReleaseCompiler.compile(List.of(releases).stream().map(ReleaseCompilerTest::bytes).toList()),
                StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
