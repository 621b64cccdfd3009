package org.sunbid.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;

/**
 * A rival cannot destroy another party's files: the file store is content-addressed, so a registered bidder with a
 * settled deposit can upload the exact bytes of a tender document (or of a published evaluation report) as a "bid".
 * The upload is refused, and the document stays downloadable with the same bytes.
 */
class RivalUploadIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private UUID tender(String code) {
        return jdbc.sql("SELECT id FROM tender WHERE project_code = :c").param("c", code).query(UUID.class).single();
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "*/*");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> uploadAsBid(UUID tenderId, byte[] bytes, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/tenders/" + tenderId + "/bids"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> state(UUID tenderId) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("bids", jdbc.sql("SELECT string_agg(id || ':' || status, ',' ORDER BY id) FROM bid_envelope WHERE tender_id = :t")
                .param("t", tenderId).query(String.class).optional().orElse(""));
        s.put("references", jdbc.sql("SELECT string_agg(sm3 || ' ' || holder, ',' ORDER BY sm3, holder) FROM stored_file_reference")
                .query(String.class).optional().orElse(""));
        s.put("records", jdbc.sql("SELECT COUNT(*) FROM log_confidential").query(Long.class).single());
        s.put("log", jdbc.sql("SELECT size FROM log_state").query(Long.class).single());
        return s;
    }

    @Test
    void aTenderDocumentUploadedAsABidIsRefusedAndStaysDownloadable() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        UUID school = tender("YZ-2026-GC-0101"); // bidder1 is registered and has paid its deposit
        String token = api.freshToken("bidder1");
        String documentId = api.get("/api/v1/tenders/" + school + "/documents", null).json().get(0).path("id").asString();
        String path = "/api/v1/tenders/" + school + "/documents/" + documentId;
        HttpResponse<byte[]> before = get(path, token);
        assertThat(before.statusCode()).isEqualTo(200);
        Map<String, Object> state = state(school);

        HttpResponse<String> upload = uploadAsBid(school, before.body(), token);
        assertThat(upload.statusCode()).as(upload.body()).isBetween(400, 499);
        assertThat(upload.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(state(school)).isEqualTo(state);

        HttpResponse<byte[]> after = get(path, api.freshToken("bidder1")); // (a download is itself recorded)
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(before.body());
    }

    @Test
    void anEvaluationReportUploadedAsABidIsRefusedAndStaysDownloadable() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        UUID pool = tender("YZ-2026-GC-0090"); // its signed report is public
        UUID school = tender("YZ-2026-GC-0101");
        String path = "/api/v1/tenders/" + pool + "/evaluation/report";
        HttpResponse<byte[]> before = get(path, null);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(new String(before.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Map<String, Object> state = state(school);

        HttpResponse<String> upload = uploadAsBid(school, before.body(), api.freshToken("bidder1"));
        assertThat(upload.statusCode()).as(upload.body()).isBetween(400, 499);

        HttpResponse<byte[]> after = get(path, null);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(before.body());
        assertThat(state(school)).isEqualTo(state);
    }
}
