package org.sunbid.platform.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.verifier.Verifier;

import tools.jackson.databind.JsonNode;

/**
 * Acceptance 1 of the tender issue, over the real API with a controllable clock: a tender goes from draft to "bidding
 * closed" with five bidders who register and download the documents, a clarification, an objection that suspends and
 * resumes it, four deposits paid through the sandbox bank (its signed notifications arriving over HTTP) and one by an
 * electronic guarantee. Until the deadline nobody else sees who took part; afterwards the owners see all five, and the
 * transparency log verifies with the stand-alone verifier.
 */
class TenderToDeadlineScenarioIT extends PlatformIT {

    @Autowired
    Tenders tenders;

    @Autowired
    ConfidentialRecords confidential;

    @Autowired
    Refunds refunds;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    @Test
    void fromDraftToBiddingClosedWithFiveBiddersAClarificationAnObjectionDepositsAndAGuarantee() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        String tenderee = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        String agency = api.token("agency");
        long logStart = log.size();

        // Day 0: the agency drafts the tender (deadline in 21 days, before the demo tenders' so that closing it closes
        // nothing else of the shared test application), uploads its documents and publishes.
        ApiClient.Response created = api.post("/api/v1/tenders",
                Fixtures.tenderJson(clock.instant(), Fixtures.projectCode(), Duration.ofDays(21), "500000", tenderee), agency);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        String path = "/api/v1/tenders/" + id;
        byte[] documents = "第一章 招标公告\n第二章 投标人须知\n第三章 评标办法\n第四章 合同条款\n第五章 工程量清单".repeat(200)
                .getBytes(StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path + "/documents?name=tender.pdf"))
                .header("Authorization", "Bearer " + agency).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(documents)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String documentId = new ApiClient.Response(201, "application/json", uploaded.body()).json().path("id").asString();
        assertThat(api.post(path + "/publish", "", agency).json().path("status").asString()).isEqualTo("PUBLISHED");

        // Day 1: five bidders register and download the documents.
        List<String> bidders = List.of("bidder1", "bidder2", "bidder3", "bidder4", "bidder5");
        clock.advance(Duration.ofDays(1));
        for (String bidder : bidders) {
            String token = api.freshToken(bidder);
            assertThat(api.post(path + "/registrations", "", token).status()).isEqualTo(200);
            HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path + "/documents/" + documentId))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(Sm3.hex(got.body())).isEqualTo(Sm3.hex(documents));
        }
        confidential.commit();

        // Day 3: a clarification that does not touch bid preparation.
        clock.advance(Duration.ofDays(2));
        assertThat(api.post(path + "/clarifications", "{\"text\":\"开标地点改为第二开标室。\",\"affectsPreparation\":false}",
                api.freshToken("agency")).status()).isEqualTo(200);

        // Day 5: bidder2 objects; the tender is suspended. Day 7: the tenderee answers; it resumes, deadline extended.
        clock.advance(Duration.ofDays(2));
        Instant deadlineBefore = Instant.parse(api.get(path, null).json().path("bidDeadline").asString());
        ApiClient.Response objection = api.post(path + "/objections", "{\"text\":\"资格条件中的业绩要求排斥潜在投标人\"}",
                api.freshToken("bidder2"));
        assertThat(objection.status()).as(objection.body()).isEqualTo(200);
        assertThat(api.get(path, null).json().path("status").asString()).isEqualTo("SUSPENDED");
        clock.advance(Duration.ofDays(2));
        ApiClient.Response answered = api.post(path + "/objections/" + objection.json().path("id").asString() + "/answer",
                "{\"text\":\"业绩要求调整为近五年一项类似工程。\"}", api.freshToken("tenderee"));
        assertThat(answered.json().path("status").asString()).isEqualTo("PUBLISHED");
        Instant deadline = Instant.parse(answered.json().path("bidDeadline").asString());
        assertThat(deadline).isAfter(deadlineBefore);

        // Day 8: four deposits through the sandbox bank, one electronic guarantee.
        clock.advance(Duration.ofDays(1));
        for (String bidder : bidders.subList(0, 4)) {
            ApiClient.Response paid = api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", id)),
                    api.freshToken(bidder));
            assertThat(paid.json().path("platformAnswer").asString()).as(bidder).contains("CREDITED");
        }
        String bidder5 = api.freshToken("bidder5");
        ApiClient.Response guarantee = api.post("/api/v1/sandbox/insurer/guarantees", ApiClient.json(Map.of("tenderId", id)), bidder5);
        assertThat(api.post(path + "/deposit/guarantee", guarantee.body(), bidder5).json().path("status").asString())
                .isEqualTo("GUARANTEED");
        confidential.commit();

        // Until the deadline, the owners and staff see nothing of it.
        for (String other : List.of("tenderee", "agency", "centre", "admin")) {
            assertThat(api.get(path + "/registrations", api.freshToken(other)).code()).isEqualTo("REGISTRATIONS_SEALED");
            assertThat(api.get(path + "/deposits", api.freshToken(other)).code()).isEqualTo("DEPOSITS_SEALED");
        }

        // The deadline passes: bidding closes, registrations and deposits are disclosed.
        clock.set(deadline.plusSeconds(1));
        tenders.closeDueTenders();
        assertThat(api.get(path, null).json().path("status").asString()).isEqualTo("BIDDING_CLOSED");
        JsonNode registered = api.get(path + "/registrations", api.freshToken("tenderee")).json();
        assertThat(registered.size()).isEqualTo(5);
        Map<String, String> deposits = new TreeMap<>();
        api.get(path + "/deposits", api.freshToken("centre")).json()
                .forEach(d -> deposits.put(d.path("bidderName").asString(), d.path("status").asString()));
        assertThat(deposits.values()).containsExactlyInAnyOrder("PAID", "PAID", "PAID", "PAID", "GUARANTEED");
        api.get(path + "/deposits", api.freshToken("centre")).json()
                .forEach(d -> assertThat(d.path("sharedPayerAccount").asBoolean()).isFalse());

        // What was disclosed at closing was committed before it: each registration, payment and guarantee record sits
        // under the Merkle root of a public commitment entry appended before the deadline.
        String registrationsDisclosed = jdbc.sql("""
                SELECT payload FROM log_entry WHERE details::json->>'action' = 'tendering.registrations.disclosed'
                AND details::json->>'subject' = :t""").param("t", id).query(String.class).single();
        String depositsDisclosed = jdbc.sql("""
                SELECT payload FROM log_entry WHERE details::json->>'action' = 'payments.deposits.disclosed'
                AND details::json->>'subject' = :t""").param("t", id).query(String.class).single();
        int verified = 0;
        for (JsonNode r : new ApiClient.Response(200, "application/json", registrationsDisclosed).json().path("registrations")) {
            verified += verifyCommitment(r.path("commitment"), deadline);
        }
        for (JsonNode d : new ApiClient.Response(200, "application/json", depositsDisclosed).json().path("deposits")) {
            for (JsonNode c : d.path("commitments")) {
                verified += verifyCommitment(c, deadline);
            }
        }
        assertThat(verified).isEqualTo(5 + 5); // 5 registrations, 4 payments and 1 guarantee

        // A deposit arriving now is late, and goes back.
        ApiClient.Response late = api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", id)),
                api.freshToken("bidder5"));
        assertThat(late.json().path("platformAnswer").asString()).contains("LATE");
        assertThat(refunds.dispatchPending()).isGreaterThanOrEqualTo(1);

        // Every step is in the log, and the log verifies.
        List<String> actions = jdbc.sql("SELECT details::json->>'action' FROM log_entry WHERE seq >= :s ORDER BY seq")
                .param("s", logStart).query(String.class).list();
        assertThat(actions).contains("tendering.tender.drafted", "tendering.document.added", "tendering.tender.published",
                "audit.confidential.committed", "tendering.clarification.issued", "tendering.tender.suspended",
                "tendering.objection.answered", "tendering.bidding.closed", "tendering.registrations.disclosed",
                "payments.deposits.disclosed");
        // The stand-alone verifier checks the whole log, disclosures included.
        var verdict = Verifier.run("log", baseUrl());
        assertThat(verdict.ok()).as(verdict.line()).isTrue();
        assertThat(verdict.line()).contains("disclosed records committed before their disclosure");
    }

    /** Checks one disclosed record against the root its commitment entry published; returns 1. */
    private int verifyCommitment(JsonNode c, Instant deadline) {
        assertThat(c.isObject()).as("a disclosed record with its commitment").isTrue();
        JsonNode entry = new ApiClient(baseUrl()).get("/api/v1/log/entries?start=" + c.path("committedSeq").asLong()
                + "&end=" + (c.path("committedSeq").asLong() + 1), null).json().get(0);
        assertThat(Instant.parse(entry.path("appendedAt").asString())).isBeforeOrEqualTo(deadline);
        String root = new ApiClient.Response(200, "application/json", entry.path("payload").asString()).json().path("root").asString();
        List<String> path = new java.util.ArrayList<>();
        c.path("path").forEach(p -> path.add(p.asString()));
        ConfidentialRecords.Disclosure d = new ConfidentialRecords.Disclosure(c.path("record").asString(),
                c.path("committedSeq").asLong(), c.path("leafIndex").asInt(), c.path("batchSize").asInt(), path);
        assertThat(d.verify(root)).isTrue();
        // and a record altered after the fact does not verify
        assertThat(new ConfidentialRecords.Disclosure(d.record().replace("\"salt\"", "\"salt2\""), d.committedSeq(), d.leafIndex(),
                d.batchSize(), d.path()).verify(root)).isFalse();
        return 1;
    }
}
