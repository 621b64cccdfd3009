package org.sunbid.platform.auction.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The bid socket's frame reader: flat JSON objects only, amount and ref as text, anything else refused. */
class BidFrameTest {

    @Test
    void readsAmountAndRefSkippingOtherMembers() {
        assertThat(BidFrame.parse("{\"amount\":\"8100000.00\",\"ref\":\"7\"}")).isEqualTo(new BidFrame("8100000.00", "7"));
        assertThat(BidFrame.parse(" {\n\"ref\" : \"a\\\"b\\u4e2d\\n\", \"x\": true, \"y\": null, \"z\": -1.5e3, \"amount\": 12 } "))
                .isEqualTo(new BidFrame("12", "a\"b中\n"));
        assertThat(BidFrame.parse("{}")).isEqualTo(new BidFrame(null, null));
        assertThat(BidFrame.parse("{\"amount\":null}")).isEqualTo(new BidFrame(null, null));
    }

    @Test
    void refusesWhatIsNotOneFlatObject() {
        for (String bad : new String[] {"", "nonsense", "{not json", "[\"amount\"]", "{\"amount\":\"1\"} x",
                "{\"amount\":{\"v\":1}}", "{\"amount\":[1]}", "{\"amount\":\"1\",}", "{\"amount\" \"1\"}", "{\"amount\":\"1\"",
                "{\"ref\":\"\\q\"}", "{\"ref\":\"\\u12g4\"}", "{\"ref\":\"\\u12\"}", "{\"ref\":\"a\nb\"}", "{\"amount\":tru}",
                "{\"amount\":\"" + "9".repeat(BidFrame.MAX) + "\"}"}) {
            assertThatThrownBy(() -> BidFrame.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> BidFrame.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
