package org.sunbid.platform.kernel;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every deadline decision uses; tests replace it to travel in time. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** Beijing time: every legal deadline is counted in China Standard Time. */
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(BEIJING);
    }
}
