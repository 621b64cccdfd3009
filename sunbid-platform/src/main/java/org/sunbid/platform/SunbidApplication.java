package org.sunbid.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Sunbid (阳光交易): a public resource trading platform.
 *
 * <p>Each direct sub-package is a bounded context (a Spring Modulith application module); see docs/architecture.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SunbidApplication {

    public static void main(String[] args) {
        SpringApplication.run(SunbidApplication.class, args);
    }
}
