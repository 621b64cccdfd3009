package org.sunbid.platform.parties.security;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Security events for administrators (the URL rule admits only them): failed logins and throttling, newest first. */
@RestController
class SecurityEventApi {

    private final SecurityEvents events;

    SecurityEventApi(SecurityEvents events) {
        this.events = events;
    }

    @GetMapping("/api/v1/security-events")
    List<SecurityEvents.SecurityEvent> newest(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return events.newest(limit);
    }
}
