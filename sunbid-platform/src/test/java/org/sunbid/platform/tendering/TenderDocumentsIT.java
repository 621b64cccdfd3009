package org.sunbid.platform.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;

/**
 * Tender documents: uploaded by the agency and listed in public with their SM3 hashes; downloaded by registered bidders
 * only, each download recorded with the IP address without the public log growing; an oversized upload is refused
 * before anything is kept.
 */
class TenderDocumentsIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog log;

    private ApiClient api;
    private String tenderId;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void publishATender() {
        api = new ApiClient(baseUrl());
        tenderId = publishTender(api, Duration.ofDays(21), "500000").path("id").asString();
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private HttpResponse<byte[]> upload(String name, byte[] content, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/tenders/" + tenderId + "/documents?name="
                        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> download(String documentId, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/tenders/" + tenderId + "/documents/" + documentId))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void registeredBiddersDownloadTheDocumentsAndEachDownloadIsRecordedWithTheIpAddress() throws Exception {
        byte[] content = "第一章 招标公告 …… 第六章 图纸".repeat(5000).getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> up = upload("招标文件.pdf", content, api.token("agency"));
        assertThat(up.statusCode()).as(new String(up.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        var document = new ApiClient.Response(201, "application/json", new String(up.body(), StandardCharsets.UTF_8)).json();
        assertThat(document.path("sm3").asString()).isEqualTo(Sm3.hex(content));
        assertThat(document.path("size").asLong()).isEqualTo(content.length);
        String documentId = document.path("id").asString();

        // Uploaded after publication, it amends the tender documents: a clarification (Law 23) that names its hash.
        assertThat(api.get("/api/v1/tenders/" + tenderId, null).json().path("clarifications").get(0).path("text").asString())
                .contains("招标文件补充").contains(Sm3.hex(content));

        // Listed in public, with the hash anyone can check a copy against; the upload is in the public log.
        var listed = api.get("/api/v1/tenders/" + tenderId + "/documents", null).json();
        // (the first document is the one uploaded before publication, which requires one)
        assertThat(listed.size()).isEqualTo(2);
        assertThat(listed.get(1).path("name").asString()).isEqualTo("招标文件.pdf");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE payload LIKE :h").param("h", "%" + Sm3.hex(content) + "%")
                .query(Long.class).single()).isEqualTo(1);

        // Not registered: refused. Bidders may not upload.
        assertThat(download(documentId, api.token("bidder8")).statusCode()).isEqualTo(404);
        assertThat(upload("x.pdf", new byte[] {1}, api.token("bidder8")).statusCode()).isEqualTo(403);

        api.post("/api/v1/tenders/" + tenderId + "/registrations", "", api.token("bidder1"));
        long logBefore = log.size();
        HttpResponse<byte[]> got = download(documentId, api.token("bidder1"));
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(content);
        assertThat(got.headers().firstValue("X-Content-SM3")).hasValue(Sm3.hex(content));
        assertThat(got.headers().firstValue("Content-Disposition").orElseThrow()).contains("filename*=UTF-8''");
        assertThat(log.size()).as("a download must not be countable in the public log").isEqualTo(logBefore);
        String recorded = jdbc.sql("""
                SELECT canonical FROM log_confidential WHERE action = 'tendering.document.downloaded' AND subject = :t""")
                .param("t", tenderId).query(String.class).single();
        assertThat(recorded).contains("\"ip\":\"127.0.0.1\"").contains(documentId);

        // The owners and staff may always download; once the documents period is over, bidders may not.
        assertThat(download(documentId, api.token("tenderee")).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        HttpResponse<byte[]> late = download(documentId, api.freshToken("bidder1"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(new String(late.body(), StandardCharsets.UTF_8)).contains("DOCUMENTS_UNAVAILABLE");
    }

    @Test
    void aTwoGigabyteUploadIsRefusedBeforeAnythingIsKept() throws Exception {
        long logBefore = log.size();
        long documentsBefore = jdbc.sql("SELECT COUNT(*) FROM tender_document").query(Long.class).single();
        URI base = URI.create(baseUrl());
        String status;
        String body;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/tenders/" + tenderId + "/documents?name=big.zip HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + api.token("agency") + "\r\nContent-Type: application/zip\r\n"
                    + "Accept: application/json\r\nContent-Length: " + (2L << 30) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1 << 20]); // the first megabyte of two gigabytes
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            status = in.readLine();
            StringBuilder rest = new StringBuilder();
            for (String line; (line = in.readLine()) != null && rest.length() < 5000; ) {
                rest.append(line).append('\n');
                if (line.contains("DOCUMENT_TOO_LARGE")) {
                    break;
                }
            }
            body = rest.toString();
        }
        assertThat(status).contains("413");
        assertThat(body).contains("DOCUMENT_TOO_LARGE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tender_document").query(Long.class).single()).isEqualTo(documentsBefore);
        assertThat(log.size()).isEqualTo(logBefore);
        try (Stream<Path> incoming = Files.list(DATA.resolve("files").resolve("incoming"))) {
            assertThat(incoming).isEmpty();
        }
    }
}
