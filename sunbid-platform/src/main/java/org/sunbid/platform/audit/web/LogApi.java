package org.sunbid.platform.audit.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.LogEntry;
import org.sunbid.platform.audit.Receipt;
import org.sunbid.platform.audit.SignedTreeHead;

/**
 * The transparency log, public (no login): signed heads, entries, inclusion and consistency proofs, receipts. The
 * platform's certificate that verifies the signatures is at {@code /api/v1/ca/platform-certificate}.
 */
@RestController
@RequestMapping("/api/v1/log")
@Validated
class LogApi {

    private final AuditLog log;

    LogApi(AuditLog log) {
        this.log = log;
    }

    /** The newest signed tree head (signed now if the log has grown since). */
    @GetMapping("/head")
    SignedTreeHead head() {
        return log.currentHead();
    }

    /** Signs a tree head now (administrator). */
    @PostMapping("/heads")
    SignedTreeHead sign() {
        return log.signHead();
    }

    /** The newest signed heads, newest first. */
    @GetMapping("/heads")
    List<SignedTreeHead> heads(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return log.heads(limit);
    }

    @GetMapping("/entries")
    List<LogEntry> entries(@RequestParam @Min(0) long start, @RequestParam @Min(0) long end) {
        return log.entries(start, Math.min(end, log.size()));
    }

    @GetMapping("/proof/inclusion")
    AuditLog.InclusionProof inclusion(@RequestParam @Pattern(regexp = "[0-9a-fA-F]{64}") String leafHash,
            @RequestParam @Min(1) long treeSize) {
        return log.inclusionProof(leafHash, treeSize);
    }

    record ConsistencyProof(long first, long second, List<String> path) {
    }

    @GetMapping("/proof/consistency")
    ConsistencyProof consistency(@RequestParam @Min(0) long first, @RequestParam @Min(0) long second) {
        return new ConsistencyProof(first, second, log.consistencyProof(first, second));
    }

    @GetMapping("/receipts/{seq}")
    Receipt receipt(@PathVariable @Min(0) @Max(Long.MAX_VALUE) long seq) {
        return log.receipt(seq);
    }
}
