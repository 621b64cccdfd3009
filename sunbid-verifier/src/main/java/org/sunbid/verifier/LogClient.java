package org.sunbid.verifier;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the platform's public log API (and the published draw records) over HTTP. */
final class LogClient {

    /** A response the platform refused (4xx/5xx). */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String body) {
            super("HTTP " + status + ": " + body);
            this.status = status;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).build();

    LogClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new Refused(response.statusCode(), response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A binary document (the evaluation report PDF). */
    byte[] bytes(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "*/*").GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            throw new Refused(response.statusCode(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response.body();
    }

    JsonNode platformCertificate() throws IOException, InterruptedException {
        return get("/api/v1/ca/platform-certificate");
    }

    JsonNode head() throws IOException, InterruptedException {
        return get("/api/v1/log/head");
    }

    JsonNode entries(long start, long end) throws IOException, InterruptedException {
        return get("/api/v1/log/entries?start=" + start + "&end=" + end);
    }

    JsonNode inclusion(String leafHash, long treeSize) throws IOException, InterruptedException {
        return get("/api/v1/log/proof/inclusion?leafHash=" + URLEncoder.encode(leafHash, StandardCharsets.UTF_8)
                + "&treeSize=" + treeSize);
    }

    /** The published record of an expert draw, or else of an intermediary draw with that id. */
    JsonNode drawRecord(String drawId) throws IOException, InterruptedException {
        String id = URLEncoder.encode(drawId, StandardCharsets.UTF_8);
        try {
            return get("/api/v1/expert-draws/" + id + "/record");
        } catch (Refused notAnExpertDraw) {
            if (notAnExpertDraw.status != 404) {
                throw notAnExpertDraw;
            }
            // the same draw algorithm picks an intermediary (中介超市, issue 20): its record reads the same
            return get("/api/v1/intermediary-draws/" + id + "/record");
        }
    }

    JsonNode consistency(long first, long second) throws IOException, InterruptedException {
        return get("/api/v1/log/proof/consistency?first=" + first + "&second=" + second);
    }

    static JsonMapper json() {
        return JSON;
    }
}
