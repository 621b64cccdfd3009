package org.sunbid.platform;

import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application's clock with one the integration tests move by hand. */
@TestConfiguration(proxyBeanMethods = false)
class TestTimeConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock(PlatformIT.START, ZoneId.of("Asia/Shanghai"));
    }
}
