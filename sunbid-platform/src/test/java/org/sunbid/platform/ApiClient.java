package org.sunbid.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the running test application: tokens per demo account, JSON in and out. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public ApiClient(String base) {
        this.base = base;
    }

    /** A response: status, content type and body (parsed if JSON). */
    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        public String code() {
            return json().path("code").asString();
        }
    }

    /** A bearer token for a demo account (cached per username). */
    public String token(String username) {
        return tokens.computeIfAbsent(username, u -> {
            Response r = post("/api/v1/auth/token", "{\"username\":\"" + u + "\",\"password\":\"" + PlatformIT.PASSWORD + "\"}", null);
            if (r.status() != 200) {
                throw new IllegalStateException("login of " + u + " failed: " + r);
            }
            return r.json().path("token").asString();
        });
    }

    /** A new token, not cached (for tests that revoke it). */
    public String freshToken(String username) {
        Response r = post("/api/v1/auth/token", "{\"username\":\"" + username + "\",\"password\":\"" + PlatformIT.PASSWORD + "\"}", null);
        return r.json().path("token").asString();
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Uploads a small tender document to tender {@code tenderId} (publication requires one); the upload's response. */
    public Response uploadDocument(String tenderId, String token) {
        return send(request("/api/v1/tenders/" + tenderId + "/documents?name=tender-documents-" + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000) + ".pdf", token)
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofString("第一章 招标公告\n第二章 投标人须知\n第三章 评标办法")));
    }

    /** Uploads a tender document, then publishes: what an owner does; the publication's response. */
    public Response publish(String tenderId, String token) {
        Response uploaded = uploadDocument(tenderId, token);
        if (uploaded.status() != 201) {
            return uploaded;
        }
        return post("/api/v1/tenders/" + tenderId + "/publish", "", token);
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Response send(String method, String path, String json, String token) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        HttpRequest.Builder builder = request(path, token).method(method, body);
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder);
    }

    /** A request with extra headers (a bank's signature, an idempotency key). */
    public Response send(String method, String path, String json, String token, java.util.Map<String, String> headers) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest.Builder builder = request(path, token).method(method, body);
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        headers.forEach(builder::header);
        return send(builder);
    }

    /** GET of a binary body (a PDF); fails unless 200. */
    public byte[] bytes(String path, String token) {
        HttpRequest.Builder builder = request(path, token).setHeader("Accept", "*/*").GET();
        try {
            java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(builder.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + new String(r.body(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
