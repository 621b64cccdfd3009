package org.sunbid.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.bidder.BidderTool;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.databind.JsonNode;

/**
 * The bidder tool against the running platform: three bidders seal their folders locally and upload them, the receipts
 * check out (and gain their log commitment), two custodians release their shares with the same tool after the
 * deadline, and the opening record reads the three prices. A tampered envelope is refused.
 */
class BidderToolIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenders tenders;

    @Autowired
    ConfidentialRecords confidential;

    @Autowired
    org.sunbid.platform.audit.AuditLog log;

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    @Test
    void biddersSealAndUploadWithTheToolAndCustodiansReleaseTheirSharesWithIt() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        String tenderee = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        ApiClient.Response created = api.post("/api/v1/tenders",
                Fixtures.tenderJson(clock.instant(), Fixtures.projectCode(), Duration.ofDays(21), "500000", tenderee),
                api.token("agency"));
        String tender = created.json().path("id").asString();
        Instant deadline = Instant.parse(created.json().path("bidDeadline").asString());
        api.post("/api/v1/tenders/" + tender + "/publish", "", api.token("agency"));
        Path keys = DATA.resolve("demo-keys");
        Path work = Files.createTempDirectory("bidder-tool");

        Map<String, String> prices = Map.of("bidder1", "30100000.00", "bidder3", "29800000.00", "bidder4", "30550000.00");
        for (var p : prices.entrySet()) {
            String bidder = p.getKey();
            api.post("/api/v1/tenders/" + tender + "/registrations", "", api.freshToken(bidder));
            api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", tender)), api.freshToken(bidder));
            Path folder = Files.createDirectories(work.resolve(bidder).resolve("投标文件"));
            Files.writeString(folder.resolve("商务标.txt"), "投标报价 " + p.getValue());
            Files.createDirectories(folder.resolve("技术标"));
            Files.writeString(folder.resolve("技术标/施工组织设计.txt"), "施工组织设计 " + bidder);
            Path priceSheet = Files.writeString(work.resolve(bidder).resolve("price.json"),
                    "{\"totalPrice\":\"" + p.getValue() + "\",\"durationDays\":450,\"projectManager\":\"王工\"}");
            Path envelope = work.resolve(bidder).resolve("bid.sbenv");
            BidderTool.Result sealed = BidderTool.run("seal", "--platform", baseUrl(), "--tender", tender, "--folder", folder.toString(),
                    "--price-sheet", priceSheet.toString(), "--key", keys.resolve(creditCodeOf(bidder) + ".key.pem").toString(),
                    "--cert", keys.resolve(creditCodeOf(bidder) + ".crt.pem").toString(), "--out", envelope.toString());
            assertThat(sealed.ok()).as(sealed.line()).isTrue();
            assertThat(sealed.line()).contains("sealed 2 files");
            BidderTool.Result uploaded = BidderTool.run("upload", "--platform", baseUrl(), "--tender", tender, "--user", bidder,
                    "--password", PASSWORD, envelope.toString());
            assertThat(uploaded.ok()).as(uploaded.line()).isTrue();
            assertThat(uploaded.line()).contains("receipt signed by the platform").contains("commitment follows");

            if (bidder.equals("bidder1")) { // the same envelope, altered on the way: refused with the reason
                byte[] bytes = Files.readAllBytes(envelope);
                bytes[bytes.length - 120] ^= 1;
                Path tampered = Files.write(work.resolve("tampered.sbenv"), bytes);
                BidderTool.Result refused = BidderTool.run("upload", "--platform", baseUrl(), "--tender", tender, "--user", bidder,
                        "--password", PASSWORD, tampered.toString());
                assertThat(refused.exitCode()).as(refused.line()).isEqualTo(1);
                assertThat(refused.line()).contains("ENVELOPE_INVALID");
            }
        }
        confidential.commit();
        log.signHead(); // the minute's head, signed now
        BidderTool.Result receipt = BidderTool.run("receipt", "--platform", baseUrl(), "--tender", tender, "--user", "bidder3",
                "--password", PASSWORD);
        assertThat(receipt.ok()).as(receipt.line()).isTrue();
        assertThat(receipt.line()).contains("committed in log entry").contains("inclusion verified against the signed head");

        clock.set(deadline.plusSeconds(1));
        tenders.closeDueTenders();
        BidderTool.Result first = BidderTool.run("release", "--platform", baseUrl(), "--tender", tender, "--user", "tenderee",
                "--password", PASSWORD, "--key", keys.resolve(creditCodeOf("tenderee") + ".key.pem").toString());
        assertThat(first.line()).as(first.line()).contains("AWAITING_SHARES (1 of 2 shares)");
        BidderTool.Result second = BidderTool.run("release", "--platform", baseUrl(), "--tender", tender, "--user", "centre",
                "--password", PASSWORD, "--key", keys.resolve(creditCodeOf("centre") + ".key.pem").toString());
        assertThat(second.line()).as(second.line()).contains("OPENED");

        JsonNode record = new ApiClient.Response(200, "application/json",
                api.get("/api/v1/tenders/" + tender + "/opening", null).json().path("record").asString()).json();
        assertThat(record.path("bids").size()).isEqualTo(3);
        record.path("bids").forEach(b -> assertThat(prices).containsValue(b.path("priceSheet").path("totalPrice").asString()));
    }
}
