package org.sunbid.platform.parties;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;

/**
 * Bad input gets a clear RFC 9457 problem with a stable code, and changes nothing: a wrong credit code, a duplicate
 * organisation, a malformed body, missing fields, and unauthorised requests.
 */
class ErrorResponsesIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private String centre;

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
        centre = api.token("centre");
    }

    private long organisations() {
        return jdbc.sql("SELECT count(*) FROM organisation").query(Long.class).single();
    }

    @Test
    void wrongCreditCodeIsRefusedWithTheReason() {
        long before = organisations();
        ApiClient.Response r = api.post("/api/v1/organisations",
                Fixtures.organisationJson("91350100M000100Y44", "校验码错误有限公司", "BIDDER", "990100"), centre);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.code()).isEqualTo("INVALID_CREDIT_CODE");
        assertThat(r.json().path("type").asString()).isEqualTo("urn:sunbid:problem:INVALID_CREDIT_CODE");
        assertThat(r.json().path("detail").asString()).contains("91350100M000100Y44").contains("校验码不正确");
        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void duplicateOrganisationIsRefused() {
        String code = Fixtures.freshCreditCode("990100");
        assertThat(api.post("/api/v1/organisations", Fixtures.organisationJson(code, "首次登记有限公司", "BIDDER", "990100"), centre)
                .status()).isEqualTo(201);
        long before = organisations();

        ApiClient.Response r = api.post("/api/v1/organisations",
                Fixtures.organisationJson(code.toLowerCase(), "重复登记有限公司", "TENDEREE", "990121"), centre);

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("DUPLICATE_ORGANISATION");
        assertThat(r.json().path("detail").asString()).contains(code).contains("已登记");
        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsRefused() {
        long before = organisations();
        ApiClient.Response r = api.post("/api/v1/organisations", "{\"creditCode\": \"91", centre);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(r.json().path("detail").asString()).contains("JSON");
        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void unknownEnumValueIsAMalformedRequest() {
        ApiClient.Response r = api.post("/api/v1/organisations",
                Fixtures.organisationJson(Fixtures.freshCreditCode("990100"), "类型错误有限公司", "PIRATE", "990100"), centre);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void missingFieldsAreListed() {
        long before = organisations();
        ApiClient.Response r = api.post("/api/v1/organisations", "{\"name\":\"\"}", centre);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().path("errors").findValuesAsString("field"))
                .contains("creditCode", "name", "kind", "regionCode");
        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void unauthenticatedAndUnauthorisedRequestsAreRefused() {
        long before = organisations();
        String body = Fixtures.organisationJson(Fixtures.freshCreditCode("990100"), "越权登记有限公司", "BIDDER", "990100");

        ApiClient.Response anonymous = api.post("/api/v1/organisations", body, null);
        ApiClient.Response badToken = api.post("/api/v1/organisations", body, "sbt_forged");
        ApiClient.Response bidder = api.post("/api/v1/organisations", body, api.token("bidder1"));
        ApiClient.Response outOfRegion = api.post("/api/v1/organisations",
                Fixtures.organisationJson(Fixtures.freshCreditCode("990122"), "越区登记有限公司", "BIDDER", "990122"),
                api.token("qs-centre"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.json().path("detail").asString()).isEqualTo("请先登录。");
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(bidder.status()).isEqualTo(403);
        assertThat(bidder.code()).isEqualTo("FORBIDDEN");
        assertThat(outOfRegion.status()).isEqualTo(403);
        assertThat(outOfRegion.code()).isEqualTo("REGION_OUT_OF_SCOPE");
        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void unknownRegionIsRefused() {
        long before = organisations();
        ApiClient.Response r = api.post("/api/v1/organisations",
                Fixtures.organisationJson(Fixtures.freshCreditCode("990100"), "无此区划有限公司", "BIDDER", "999999"), api.token("admin"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("REGION_NOT_FOUND");
        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void unknownApiPathIsAProblemToo() {
        ApiClient.Response r = api.get("/api/v1/no-such-thing", centre);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void messagesFollowTheCallersLanguage() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/organisations"))
                .header("Accept-Language", "en").GET().build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"detail\":\"Please sign in.\"").contains("\"code\":\"UNAUTHENTICATED\"");
    }
}
