package org.sunbid.platform.parties.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Source addresses: IP literals normalised without any name lookup; IPv6 throttled by its /64. */
class SourceAddressesTest {

    @Test
    void ipLiteralsAreNormalisedAndAnythingElseIsKeptAsBoundedText() {
        assertThat(SourceAddresses.normalised(" 203.0.113.9 ")).isEqualTo("203.0.113.9");
        assertThat(SourceAddresses.normalised("[2001:DB8:0:0::1]")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(SourceAddresses.normalised("dead.beef")).as("no DNS lookup of a name").isEqualTo("dead.beef");
        assertThat(SourceAddresses.normalised("x".repeat(100))).hasSize(64);
    }

    @Test
    void anIpv6SourceIsThrottledByItsSlash64AndAnIpv4ByItself() {
        assertThat(SourceAddresses.throttleKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(SourceAddresses.throttleKey("2001:db8:1:2:1:1:1:1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(SourceAddresses.throttleKey("2001:db8:1:3::1")).isNotEqualTo(SourceAddresses.throttleKey("2001:db8:1:2::1"));
        assertThat(SourceAddresses.throttleKey("203.0.113.9")).isEqualTo("203.0.113.9");
    }
}
