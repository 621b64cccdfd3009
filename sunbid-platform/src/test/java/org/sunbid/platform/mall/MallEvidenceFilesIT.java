package org.sunbid.platform.mall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.WebSession;
import org.sunbid.platform.kernel.FileStore;

import tools.jackson.databind.JsonNode;

/**
 * Price evidence files kept (issue 22, "price evidence kept with the listing"): the screenshot and the PDF a supplier
 * uploads with a listing are stored in the platform's file store beside their SM3 and referenced by the evidence; the
 * collecting body downloads them byte for byte from its review page, as do supervisors and the supplier, nobody else;
 * a file too large, of another type, not matching its stated SM3, or belonging to a refused listing is not kept.
 */
class MallEvidenceFilesIT extends PlatformIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FileStore files;

    private ApiClient api() {
        return new ApiClient("http://localhost:" + port);
    }

    private String today() {
        return LocalDate.ofInstant(clock.instant(), BEIJING).toString();
    }

    /** A real PNG screenshot (a few random pixels, so that no other test holds the same bytes). */
    private static byte[] png() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 8; x++) {
            image.setRGB(x, x % 4, ThreadLocalRandom.current().nextInt(0x1000000));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(javax.imageio.ImageIO.write(image, "png", out)).isTrue();
        return out.toByteArray();
    }

    /** A small PDF price list. */
    private static byte[] pdf() {
        return ("%PDF-1.4\n% 官方价目表 " + ThreadLocalRandom.current().nextLong() + "\n1 0 obj << /Type /Catalog >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode category(ApiClient a) {
        String suffix = String.valueOf(100000 + ThreadLocalRandom.current().nextInt(899999));
        ApiClient.Response c = a.post("/api/v1/mall/categories", ApiClient.json(Map.of("code", "EV-" + suffix, "name",
                "扫描仪" + suffix, "itemCode", "A02" + suffix, "unit", "台", "attributes", List.of("幅面"), "policy", "NONE")),
                a.token("centre"));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        return c.json();
    }

    private static Map<String, Object> file(String name, byte[] content) {
        return Map.of("name", name, "content", Base64.getEncoder().encodeToString(content));
    }

    private Map<String, Object> listing(JsonNode category, String price, Map<String, Object> manufacturerFile,
            Map<String, Object> ecommerceFile) {
        Map<String, Object> manufacturer = new LinkedHashMap<>(Map.of("kind", "MANUFACTURER", "price", "3299.00", "source",
                "https://www.canon.com.cn/ 官方价目表", "observedOn", today()));
        manufacturer.put("file", manufacturerFile);
        Map<String, Object> ecommerce = new LinkedHashMap<>(Map.of("kind", "ECOMMERCE", "price", "3199.00", "source",
                "https://item.jd.com/ 京东自营", "observedOn", today()));
        ecommerce.put("file", ecommerceFile);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("categoryId", category.path("id").asString());
        body.put("productName", "扫描仪 " + ThreadLocalRandom.current().nextInt(1_000_000));
        body.put("brand", "佳能");
        body.put("model", "DR-" + ThreadLocalRandom.current().nextInt(1_000_000));
        body.put("specs", Map.of("幅面", "A4"));
        body.put("price", price);
        body.put("evidence", List.of(manufacturer, ecommerce));
        return body;
    }

    private long references(String sm3) {
        return jdbc.sql("SELECT COUNT(*) FROM stored_file_reference WHERE sm3 = :s").param("s", sm3).query(Long.class).single();
    }

    private HttpResponse<byte[]> download(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "*/*");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theFilesAreKeptWithTheirSm3_andTheReviewerDownloadsThemByteForByte() throws Exception {
        ApiClient a = api();
        byte[] screenshot = png();
        byte[] priceList = pdf();
        ApiClient.Response submitted = a.post("/api/v1/mall/listings", ApiClient.json(listing(category(a), "3199.00",
                file("佳能官网价目表.pdf", priceList), file("京东自营截图.png", screenshot))), a.token("bidder1"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String listing = submitted.json().path("id").asString();
        Map<String, JsonNode> evidence = new LinkedHashMap<>();
        submitted.json().path("evidence").forEach(e -> evidence.put(e.path("kind").asString(), e));
        JsonNode shot = evidence.get("ECOMMERCE");
        JsonNode list = evidence.get("MANUFACTURER");
        // the SM3 kept is the file's own, beside its name, type (told by the content) and size
        assertThat(shot.path("fileSm3").asString()).isEqualTo(Sm3.hex(screenshot));
        assertThat(shot.path("fileName").asString()).isEqualTo("京东自营截图.png");
        assertThat(shot.path("fileType").asString()).isEqualTo("image/png");
        assertThat(shot.path("fileSize").asLong()).isEqualTo(screenshot.length);
        assertThat(list.path("fileSm3").asString()).isEqualTo(Sm3.hex(priceList));
        assertThat(list.path("fileType").asString()).isEqualTo("application/pdf");
        // in the file store, referenced by the evidence
        assertThat(files.find(Sm3.hex(screenshot))).isPresent();
        assertThat(jdbc.sql("SELECT holder FROM stored_file_reference WHERE sm3 = :s").param("s", Sm3.hex(screenshot))
                .query(String.class).list()).containsExactly("mall.price-evidence:" + shot.path("id").asString());

        // the collecting body's review page links to the files; the download is the uploaded bytes, its SM3 in a header
        WebSession centre = new WebSession("http://localhost:" + port);
        centre.login("centre");
        String review = centre.get("/workbench/mall").body();
        String link = "/workbench/mall/listings/" + listing + "/evidence/" + shot.path("id").asString();
        assertThat(review).contains("id=\"review-file-" + shot.path("id").asString() + "\"").contains(link);
        HttpResponse<byte[]> fromReview = centre.bytes(link);
        assertThat(fromReview.statusCode()).isEqualTo(200);
        assertThat(fromReview.body()).isEqualTo(screenshot);
        assertThat(Sm3.hex(fromReview.body())).isEqualTo(shot.path("fileSm3").asString());
        assertThat(fromReview.headers().firstValue("X-Content-SM3")).hasValue(Sm3.hex(screenshot));
        assertThat(fromReview.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
        assertThat(fromReview.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        // the listing's page shows the reviewer the file links too
        assertThat(centre.get("/mall/listings/" + listing).body()).contains("id=\"evidence-file-" + list.path("id").asString() + "\"");

        // the API: the reviewer, a supervisor and the supplier; nobody else, and the public page shows no link
        String api = "/api/v1/mall/listings/" + listing + "/evidence/" + list.path("id").asString() + "/file";
        for (String user : List.of("centre", "supervisor", "bidder1", "admin")) {
            HttpResponse<byte[]> r = download(api, a.token(user));
            assertThat(r.statusCode()).as(user).isEqualTo(200);
            assertThat(r.body()).as(user).isEqualTo(priceList);
        }
        for (String user : List.of("bidder2", "tenderee", "agency")) {
            assertThat(download(api, a.token(user)).statusCode()).as(user).isEqualTo(404);
        }
        assertThat(download(api, null).statusCode()).isEqualTo(401);
        ApiClient.Response approved = a.post("/api/v1/mall/listings/" + listing + "/review", "{\"decision\":\"APPROVE\"}",
                a.token("centre"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(new WebSession("http://localhost:" + port).get("/mall/listings/" + listing).body())
                .contains(Sm3.hex(screenshot)).doesNotContain("evidence-file-").doesNotContain("/evidence/");
        // evidence given by its SM3 alone has no file to download
        ApiClient.Response hashOnly = a.post("/api/v1/mall/listings/" + listing + "/evidence", ApiClient.json(Map.of(
                "kind", "ECOMMERCE", "price", "3199.00", "source", "https://item.jd.com/ 京东自营 复核", "observedOn", today(),
                "fileSm3", "ab".repeat(32))), a.token("centre"));
        assertThat(hashOnly.status()).as(hashOnly.body()).isEqualTo(201);
        String hashOnlyId = null;
        for (JsonNode e : hashOnly.json().path("evidence")) {
            if (e.path("fileSm3").asString().equals("ab".repeat(32))) {
                hashOnlyId = e.path("id").asString();
                assertThat(e.path("fileName").isNull()).isTrue();
            }
        }
        ApiClient.Response none = a.get("/api/v1/mall/listings/" + listing + "/evidence/" + hashOnlyId + "/file", a.token("centre"));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.code()).isEqualTo("MALL_EVIDENCE_FILE_NOT_FOUND");
        // the centre's price monitoring adds evidence with its own screenshot: kept too
        byte[] monitored = png();
        ApiClient.Response added = a.post("/api/v1/mall/listings/" + listing + "/evidence", ApiClient.json(Map.of(
                "kind", "ECOMMERCE", "price", "3199.00", "source", "https://www.tmall.com/ 天猫自营", "observedOn", today(),
                "file", file("天猫.png", monitored))), a.token("centre"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(references(Sm3.hex(monitored))).isEqualTo(1);
    }

    @Test
    void aFileTooLargeOfAnotherTypeOrNotItsStatedSm3_isRefused_andNothingIsKept() throws Exception {
        ApiClient a = api();
        JsonNode category = category(a);
        String token = a.token("bidder1");
        long listingsBefore = jdbc.sql("SELECT COUNT(*) FROM mall_listing").query(Long.class).single();

        // one byte over 10 MiB, though it starts as a PNG
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(png(), 0, large, 0, 8);
        large[large.length - 1] = (byte) ThreadLocalRandom.current().nextInt();
        byte[] good = png();
        ApiClient.Response tooLarge = a.post("/api/v1/mall/listings", ApiClient.json(listing(category, "3199.00",
                file("价目表.png", good), file("巨大的截图.png", large))), token);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.isProblem()).isTrue();
        assertThat(tooLarge.code()).isEqualTo("MALL_EVIDENCE_FILE_TOO_LARGE");
        assertThat(files.find(Sm3.hex(large))).isEmpty();
        assertThat(files.find(Sm3.hex(good))).as("the good file beside it is not kept either").isEmpty();

        // a text file named .png: the type is told by the content
        byte[] text = ("不是图片 " + ThreadLocalRandom.current().nextLong()).getBytes(StandardCharsets.UTF_8);
        ApiClient.Response wrongType = a.post("/api/v1/mall/listings", ApiClient.json(listing(category, "3199.00",
                file("价目表.png", good), file("截图.png", text))), token);
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.code()).isEqualTo("MALL_EVIDENCE_FILE_TYPE");
        assertThat(wrongType.json().path("detail").asString()).contains("截图.png");
        assertThat(files.find(Sm3.hex(text))).isEmpty();
        assertThat(files.find(Sm3.hex(good))).isEmpty();

        // a stated SM3 that is not the file's
        Map<String, Object> stated = listing(category, "3199.00", file("价目表.pdf", pdf()), file("截图.png", good));
        @SuppressWarnings("unchecked")
        Map<String, Object> ecommerce = (Map<String, Object>) ((List<Object>) stated.get("evidence")).get(1);
        ecommerce.put("fileSm3", "cd".repeat(32));
        ApiClient.Response mismatch = a.post("/api/v1/mall/listings", ApiClient.json(stated), token);
        assertThat(mismatch.code()).isEqualTo("MALL_EVIDENCE_FILE_MISMATCH");
        assertThat(files.find(Sm3.hex(good))).isEmpty();

        // good files of a listing refused (above its evidence) are not kept
        byte[] priceList = pdf();
        ApiClient.Response above = a.post("/api/v1/mall/listings", ApiClient.json(listing(category, "3299.00",
                file("价目表.pdf", priceList), file("截图.png", good))), token);
        assertThat(above.code()).isEqualTo("LISTING_PRICE_ABOVE_EVIDENCE");
        assertThat(files.find(Sm3.hex(priceList))).isEmpty();
        assertThat(files.find(Sm3.hex(good))).isEmpty();
        assertThat(references(Sm3.hex(good))).isZero();

        // nor is a file a non-supplier sends
        ApiClient.Response notSupplier = a.post("/api/v1/mall/listings", ApiClient.json(listing(category, "3199.00",
                file("价目表.pdf", priceList), file("截图.png", good))), a.token("tenderee"));
        assertThat(notSupplier.status()).isEqualTo(403);
        assertThat(files.find(Sm3.hex(good))).isEmpty();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM mall_listing").query(Long.class).single()).isEqualTo(listingsBefore);
        // and then the same good files are taken
        ApiClient.Response ok = a.post("/api/v1/mall/listings", ApiClient.json(listing(category, "3199.00",
                file("价目表.pdf", priceList), file("截图.png", good))), token);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(files.find(Sm3.hex(good))).isPresent();
        assertThat(references(Sm3.hex(good))).isEqualTo(1);
    }
}
