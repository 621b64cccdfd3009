package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.sunbid.platform.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live auction room as the tests reach it from outside: bids by {@code POST …/bids}, the room's view
 * ({@code GET …/room}) and the bid socket ({@code …/socket}) with the frames it receives. Each call as a user signs in
 * afresh (as a bidder's browser or tool would).
 */
final class RoomClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final ApiClient api;

    RoomClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.api = new ApiClient(baseUrl);
    }

    /** A new token of {@code user}. */
    String token(String user) {
        return api.freshToken(user);
    }

    /** {@code user} bids {@code amount} in lot {@code lot}'s room over HTTP; the response. */
    ApiClient.Response bid(String lot, String user, String amount) {
        return api.post("/api/v1/auctions/" + lot + "/bids", ApiClient.json(Map.of("amount", amount)), token(user));
    }

    /** The room as {@code user} sees it (null: anyone); it must answer 200. */
    JsonNode room(String lot, String user) {
        ApiClient.Response r = api.get("/api/v1/auctions/" + lot + "/room", user == null ? null : token(user));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** The room as anyone sees it. */
    JsonNode room(String lot) {
        return room(lot, null);
    }

    /** The bid socket of lot {@code lot} opened with {@code token} (null: anonymous) and {@code query} ("" or "?…"). */
    WebSocket socket(String lot, String token, String query, Frames frames) {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.buildAsync(URI.create(baseUrl.replace("http://", "ws://") + "/api/v1/auctions/" + lot + "/socket" + query),
                frames).join();
    }

    /** A bid frame for the socket. */
    static String bidFrame(String amount, String ref) {
        return ApiClient.json(Map.of("amount", amount, "ref", ref));
    }

    /** A socket's received text frames, whole. */
    static final class Frames implements WebSocket.Listener {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            closed.complete(status);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.completeExceptionally(error);
        }

        /** The next frame of {@code type} (skipping others), within 10 s. */
        JsonNode next(String type) throws Exception {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < until) {
                String f = frames.poll(200, TimeUnit.MILLISECONDS);
                if (f != null) {
                    JsonNode node = JSON.readTree(f);
                    if (node.path("type").asString().equals(type)) {
                        return node;
                    }
                }
            }
            throw new AssertionError("no " + type + " frame within 10 s");
        }

        /** The next answer to a frame sent (any frame but a room state), within 10 s. */
        JsonNode nextAnswer() throws Exception {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < until) {
                String f = frames.poll(200, TimeUnit.MILLISECONDS);
                if (f != null) {
                    JsonNode node = JSON.readTree(f);
                    if (!node.path("type").asString().equals("room")) {
                        return node;
                    }
                }
            }
            throw new AssertionError("no answer within 10 s");
        }
    }
}
