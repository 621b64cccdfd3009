package org.sunbid.platform.supervision.evidence;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The Art. 40 check over HTTP, for the region's staff and supervisors and the lot's committee (URL rule by role, the
 * service checks region and membership: 404 otherwise): {@code POST} runs it now and raises what it finds (once),
 * {@code GET} shows what it finds. 409 EVIDENCE_NOT_OPENED before the opening.
 */
@RestController
@RequestMapping("/api/v1/supervision/evidence")
class Art40Api {

    private final Art40Checks checks;

    Art40Api(Art40Checks checks) {
        this.checks = checks;
    }

    /** The lot's findings, each with the warning it raised. */
    record Report(UUID lotId, List<Art40Flag> flags) {
    }

    @PostMapping("/{lotId}")
    Report check(@PathVariable("lotId") UUID lotId, CurrentUser user) {
        return new Report(lotId, checks.check(lotId, user));
    }

    @GetMapping("/{lotId}")
    Report show(@PathVariable("lotId") UUID lotId, CurrentUser user) {
        return new Report(lotId, checks.flags(lotId, user));
    }
}
