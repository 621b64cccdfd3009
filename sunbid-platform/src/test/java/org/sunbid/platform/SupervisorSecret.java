package org.sunbid.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.sunbid.bidder.BidderTool;

/**
 * A draw secret as a supervisor makes it, with their own tool ({@code sunbid-bidder draw-secret}), on their own machine
 * (a file the platform never reads): the commitment the supervisor submits, and the secret revealed at the draw time.
 */
public record SupervisorSecret(Path file, String commitment) {

    /** Runs the tool: a new secret in {@code file}; the commitment it prints. */
    public static SupervisorSecret make(Path file) {
        BidderTool.Result r = BidderTool.run("draw-secret", "--out", file.toString());
        if (!r.ok()) {
            throw new IllegalStateException(r.line());
        }
        return new SupervisorSecret(file, r.line().substring(r.line().lastIndexOf(' ') + 1));
    }

    /** The secret (hex), from the supervisor's file. */
    public String secret() {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of {@code POST /api/v1/expert-draws/{id}/commitment}. */
    public String commitmentJson() {
        return ApiClient.json(java.util.Map.of("secretHash", commitment));
    }

    /** The body of {@code POST /api/v1/expert-draws/{id}/secret}. */
    public String revealJson() {
        return ApiClient.json(java.util.Map.of("secret", secret()));
    }
}
