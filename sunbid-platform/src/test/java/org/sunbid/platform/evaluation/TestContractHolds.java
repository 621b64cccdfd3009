package org.sunbid.platform.evaluation;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A test-scoped {@link ContractHolds} (the real one is the complaints context's): holds exactly the lots a test puts in
 * {@link #HELD}, with the reason code given, and nothing otherwise. A component of the test sources, so it sits in the
 * one application context every integration test shares (a test-only {@code @Import} would start a second one).
 */
@Component
class TestContractHolds implements ContractHolds {

    static final Map<UUID, String> HELD = new ConcurrentHashMap<>();

    @Override
    public Optional<String> holdOn(UUID lotId) {
        return Optional.ofNullable(HELD.get(lotId));
    }
}
