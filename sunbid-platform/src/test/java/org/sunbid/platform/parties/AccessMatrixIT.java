package org.sunbid.platform.parties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;

/**
 * Who may call what, by role and by region: every API endpoint is called as the public and as each demo role, and the
 * status must be exactly the expected one. Scope refusals of a record answer 404 so that its existence does not leak.
 * A second test makes sure no API endpoint is missing from this matrix.
 */
class AccessMatrixIT extends PlatformIT {

    /** The callers, in the order of each row's expected statuses. {@code null} is the public. */
    static final String[] CALLERS = {null, "admin", "centre", "qs-centre", "supervisor", "tenderee", "agency", "bidder1", "expert01"};

    @Autowired
    Organisations organisations;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private ApiClient api;
    private String bidder1Org;   // 云州第一建筑工程有限公司, city level (990100)
    private String bidder2Org;   // 青山路桥建设有限公司, in 青山县 (990121)

    record Row(String method, String pattern, String path, Supplier<String> body, boolean revokesToken, int... expected) {
    }

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
        bidder1Org = orgOf("bidder1");
        bidder2Org = orgOf("bidder2");
    }

    private String orgOf(String username) {
        return api.get("/api/v1/me", api.token(username)).json().path("organisationId").asString();
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        //                                                                               pub admin centre qs   sup  tend agen bid1 expert
        rows.add(new Row("GET", "/api/v1/regions", "/api/v1/regions", null, false,       200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/regions/{code}", "/api/v1/regions/990121", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/ca/platform-certificate", "/api/v1/ca/platform-certificate", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/ca/trusted-roots", "/api/v1/ca/trusted-roots", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", "/api/v1/auth/token", "/api/v1/auth/token",
                () -> "{\"username\":\"agency\",\"password\":\"" + PASSWORD + "\"}", false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("DELETE", "/api/v1/auth/token", "/api/v1/auth/token", null, true,
                                                                                          401, 204, 204, 204, 204, 204, 204, 204, 204));
        rows.add(new Row("GET", "/api/v1/me", "/api/v1/me", null, false,                 401, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/organisations", "/api/v1/organisations", null, false,
                                                                                          401, 200, 200, 200, 200, 403, 403, 403, 403));
        rows.add(new Row("GET", "/api/v1/organisations/{id}", "/api/v1/organisations/" + bidder1Org, null, false,
                                                                                          401, 200, 200, 404, 200, 404, 404, 200, 403));
        rows.add(new Row("GET", "/api/v1/organisations/{id}", "/api/v1/organisations/" + bidder2Org, null, false,
                                                                                          401, 200, 200, 200, 200, 404, 404, 404, 403));
        rows.add(new Row("GET", "/api/v1/organisations/{id}/certificates", "/api/v1/organisations/" + bidder1Org + "/certificates",
                null, false,                                                              401, 200, 200, 404, 200, 404, 404, 200, 403));
        // A new organisation in 临江县: outside 青山县 staff's jurisdiction.
        rows.add(new Row("POST", "/api/v1/organisations", "/api/v1/organisations",
                () -> Fixtures.organisationJson(Fixtures.freshCreditCode("990122"), "临江测试有限公司", "BIDDER", "990122"), false,
                                                                                          401, 201, 201, 403, 403, 403, 403, 403, 403));
        // A new organisation in 青山镇, inside 青山县.
        rows.add(new Row("POST", "/api/v1/organisations", "/api/v1/organisations",
                () -> Fixtures.organisationJson(Fixtures.freshCreditCode("990121"), "青山测试有限公司", "BIDDER", "990121100"), false,
                                                                                          401, 201, 201, 201, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/organisations/{id}/certificates", "/api/v1/organisations/" + bidder1Org + "/certificates",
                () -> Fixtures.externalCertificateJson(creditCodeOfOrganisation(bidder1Org), clock.instant()), false,
                                                                                          401, 201, 201, 404, 403, 404, 404, 201, 403));
        // Reg. 26: the basic account is seen by whoever sees the organisation and set only by its own staff (bidder1 sends
        // its current account again, which changes nothing).
        rows.add(new Row("GET", "/api/v1/organisations/{id}/basic-account", "/api/v1/organisations/" + bidder1Org + "/basic-account",
                null, false,                                                              401, 200, 200, 404, 200, 404, 404, 200, 403));
        rows.add(new Row("PUT", "/api/v1/organisations/{id}/basic-account", "/api/v1/organisations/" + bidder1Org + "/basic-account",
                () -> "{\"bankName\":\"" + basicAccountOf(bidder1Org).bankName() + "\",\"accountNumber\":\""
                        + basicAccountOf(bidder1Org).accountNumber() + "\"}", false,
                                                                                          401, 403, 403, 404, 403, 404, 404, 200, 403));
        rows.add(new Row("PUT", "/api/v1/organisations/{id}/basic-account", "/api/v1/organisations/" + bidder2Org + "/basic-account",
                () -> "{\"bankName\":\"某银行\",\"accountNumber\":\"6222021199887766\"}", false,
                                                                                          401, 403, 403, 403, 403, 404, 404, 404, 403));
        // The transparency log is public; only the administrator signs a head on demand.
        String leaf = api.get("/api/v1/log/entries?start=0&end=1", null).json().get(0).path("leafHash").asString();
        rows.add(new Row("GET", "/api/v1/log/head", "/api/v1/log/head", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/log/heads", "/api/v1/log/heads?limit=3", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", "/api/v1/log/heads", "/api/v1/log/heads", null, false,  401, 200, 403, 403, 403, 403, 403, 403, 403));
        // Security events (failed logins, throttling) are for administrators only, never in the public log.
        rows.add(new Row("GET", "/api/v1/security-events", "/api/v1/security-events?limit=5", null, false,
                                                                                          401, 200, 403, 403, 403, 403, 403, 403, 403));
        rows.add(new Row("GET", "/api/v1/log/entries", "/api/v1/log/entries?start=0&end=5", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/log/proof/inclusion", "/api/v1/log/proof/inclusion?leafHash=" + leaf + "&treeSize=2",
                null, false,                                                              200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/log/proof/consistency", "/api/v1/log/proof/consistency?first=1&second=2", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/log/receipts/{seq}", "/api/v1/log/receipts/0", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        // Tenders: notices are public; drafts and commands only for their owners (checked in TenderingIT). Commands on an
        // unknown tender show the layers: URL rules refuse other roles (403), the service answers owners' roles 404.
        String notice = api.get("/api/v1/tenders?limit=1", null).json().get(0).path("id").asString();
        String cityInvestment = organisations.findByCreditCode(UnifiedSocialCreditCode.of(
                creditCodeOfName("云州市城市建设投资集团有限公司"))).orElseThrow().id().toString();
        String unknown = "/api/v1/tenders/" + UUID.randomUUID();
        rows.add(new Row("GET", "/api/v1/tenders", "/api/v1/tenders", null, false,       200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/tenders/{id}", "/api/v1/tenders/" + notice, null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", "/api/v1/tenders", "/api/v1/tenders", () -> tenderJson(cityInvestment), false,
                                                                                          401, 403, 403, 403, 403, 201, 201, 403, 403));
        // deals (issue 15): the procedure catalogue is public; projects are their owners' and the region's staff's
        rows.add(new Row("GET", "/api/v1/procedures", "/api/v1/procedures", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/procedures/{code}", "/api/v1/procedures/ZFCG_OPEN_TENDER", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/procedures/{code}/rules", "/api/v1/procedures/GCJS_OPEN_TENDER/rules", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/projects", "/api/v1/projects", null, false,
                                                                                          401, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/projects/{id}", "/api/v1/projects/" + java.util.UUID.randomUUID(), null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        // 采购意向 (财库〔2020〕10号): seen by whoever sees the project; published or exempted by its owner or agency
        rows.add(new Row("GET", "/api/v1/projects/{id}/intention", "/api/v1/projects/" + java.util.UUID.randomUUID() + "/intention",
                null, false,                                                                      401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/projects/{id}/intention", "/api/v1/projects/" + java.util.UUID.randomUUID() + "/intention",
                () -> "{\"summary\":\"办公设备\",\"expected\":\"2027-01\"}", false,        401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/projects/{id}/intention-exemption",
                "/api/v1/projects/" + java.util.UUID.randomUUID() + "/intention-exemption",
                () -> "{\"ground\":\"URGENT\",\"reason\":\"抢险\"}", false,                401, 404, 404, 404, 404, 404, 404, 404, 404));
        // the portal's trading projects: public open data (only published lots; an unknown or draft project is 404)
        rows.add(new Row("GET", "/api/v1/public/projects", "/api/v1/public/projects", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/public/projects/{id}", "/api/v1/public/projects/" + java.util.UUID.randomUUID(), null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/projects", "/api/v1/projects", () -> projectJson(cityInvestment), false,
                                                                                          401, 403, 403, 403, 403, 201, 201, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/publish", unknown + "/publish", null, false,
                                                                                          401, 403, 403, 403, 403, 404, 404, 403, 403));
        // Filing of tender documents (备案): owners file, the supervision department decides, administrators set the rule
        rows.add(new Row("GET", "/api/v1/tenders/{id}/filing", unknown + "/filing", null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/filings", unknown + "/filings", null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/filings", unknown + "/filings", null, false,
                                                                                          401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/filings/{filingId}/decision", unknown + "/filings/" + UUID.randomUUID()
                + "/decision", () -> "{\"decision\":\"ACCEPTED\"}", false,              401, 403, 403, 403, 404, 403, 403, 403, 403));
        rows.add(new Row("GET", "/api/v1/filings", "/api/v1/filings", null, false,       401, 403, 403, 403, 200, 403, 403, 403, 403));
        // issue 16 (A): conditions of use (public), method approval (owner asks, department decides), single-source publicity
        String lots = "/api/v1/lots/" + UUID.randomUUID() + "/method-approvals";
        rows.add(new Row("GET", "/api/v1/procedures/{code}/conditions", "/api/v1/procedures/ZFCG_NEGOTIATION/conditions", null,
                false,                                                                    200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/lots/{lotId}/method-approvals", lots, null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/lots/{lotId}/method-approvals", lots, () -> "{\"conditions\":[\"GPL_29_1_LIMITED_SUPPLIERS\"],"
                + "\"reasons\":\"理由\"}", false,                                           401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("POST", "/api/v1/lots/{lotId}/method-approvals/{requestId}/decision", lots + "/" + UUID.randomUUID()
                + "/decision", () -> "{\"approve\":true}", false,                           401, 403, 403, 403, 404, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/lots/{lotId}/method-approvals/{requestId}/objections", lots + "/" + UUID.randomUUID()
                + "/objections", () -> "{\"reasons\":\"异议\"}", false,                    401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("POST", "/api/v1/lots/{lotId}/method-approvals/{requestId}/objections/{objectionId}/review", lots + "/"
                + UUID.randomUUID() + "/objections/" + UUID.randomUUID() + "/review", () -> "{\"upheld\":false,\"outcome\":\"不成立\"}",
                false,                                                                    401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("GET", "/api/v1/method-approvals", "/api/v1/method-approvals", null, false,
                                                                                          401, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/public/lots/{lotId}/method-approvals", "/api/v1/public/lots/" + UUID.randomUUID()
                + "/method-approvals", null, false,                                       200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/public/single-source-publicities", "/api/v1/public/single-source-publicities", null,
                false,                                                                    200, 200, 200, 200, 200, 200, 200, 200, 200));
        // a rule that requires nothing (land deals in 松源县), so that setting it changes no behaviour
        rows.add(new Row("POST", "/api/v1/filing-rules", "/api/v1/filing-rules",
                () -> "{\"regionCode\":\"990123\",\"appliesTo\":\"TDSYQ\",\"required\":false,\"reviewAmount\":5,"
                        + "\"reviewUnit\":\"WORKING_DAY\",\"basis\":\"权限矩阵测试\",\"effectiveFrom\":\"2020-01-01\"}", false,
                                                                                          401, 204, 403, 403, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/clarifications", unknown + "/clarifications",
                () -> "{\"text\":\"澄清\",\"affectsPreparation\":false}", false,     401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/objections", unknown + "/objections", () -> "{\"text\":\"异议\"}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/objections/{objectionId}/answer",
                unknown + "/objections/" + UUID.randomUUID() + "/answer", () -> "{\"text\":\"答复\"}", false,
                                                                                          401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/registrations", unknown + "/registrations", null, false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/registrations/mine", unknown + "/registrations/mine", null, false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/registrations", unknown + "/registrations", null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/registrations/break-glass", unknown + "/registrations/break-glass",
                () -> "{\"text\":\"核查举报\"}", false,                              401, 403, 403, 403, 404, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/terminate", unknown + "/terminate", () -> "{\"text\":\"项目取消\"}", false,
                                                                                          401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/documents", unknown + "/documents?name=a.pdf", () -> "%PDF", false,
                                                                                          401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/documents", unknown + "/documents", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/documents/{documentId}", unknown + "/documents/" + UUID.randomUUID(), null,
                false,                                                                    401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/opening-key", unknown + "/opening-key", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/opening-key/my-share", unknown + "/opening-key/my-share", null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/bids", unknown + "/bids", () -> "not an envelope", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/bids/sealed-on-arrival", unknown + "/bids/sealed-on-arrival?name=a.pdf&priceSheet=%7B%7D",
                () -> "plain", false,                                                     401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/bids/mine", unknown + "/bids/mine", null, false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("DELETE", "/api/v1/tenders/{id}/bids/mine", unknown + "/bids/mine", null, false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/bids/mine/withdrawal", unknown + "/bids/mine/withdrawal", null, false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/bids/mine/withdrawal", unknown + "/bids/mine/withdrawal", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/opening", unknown + "/opening", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/opening/shares", unknown + "/opening/shares", () -> "{\"share\":\"{}\"}",
                false,                                                                    401, 403, 409, 409, 409, 409, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/opening/responses", unknown + "/opening/responses", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/opening/responses/{bidderId}/answer",
                unknown + "/opening/responses/" + UUID.randomUUID() + "/answer", () -> "{\"text\":\"答复\"}", false,
                                                                                          401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("GET", "/api/v1/regions/{code}/opening-key-threshold", "/api/v1/regions/990100/opening-key-threshold", null,
                false,                                                                    200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("PUT", "/api/v1/regions/{code}/opening-key-threshold", "/api/v1/regions/990100/opening-key-threshold",
                () -> "{\"threshold\":1}", false,                                          401, 422, 403, 403, 403, 403, 403, 403, 403));
        // Sealed final offers (issue 16 part B): rounds are public; a round's suppliers offer, its custodians release.
        rows.add(new Row("GET", "/api/v1/tenders/{id}/offer-rounds", unknown + "/offer-rounds", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/offer-rounds/{round}", unknown + "/offer-rounds/1", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/offer-rounds/{round}/offers", unknown + "/offer-rounds/1/offers",
                () -> "{\"priceSheet\":\"{}\"}", false,                                    401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/offer-rounds/{round}/offers/mine", unknown + "/offer-rounds/1/offers/mine",
                null, false,                                                              401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/offer-rounds/{round}/key/my-share", unknown + "/offer-rounds/1/key/my-share",
                null, false,                                                              401, 403, 403, 403, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/offer-rounds/{round}/shares", unknown + "/offer-rounds/1/shares",
                () -> "{\"share\":\"{}\"}", false,                                         401, 403, 404, 404, 404, 404, 404, 403, 403));
        // Deposits: the bidder's own only; the lists for owners and staff after closing (sealed before, see DepositsIT).
        // Bank notifications need no account but the bank's signature: an unknown bank is 404 for everyone.
        String unknownTenderBody = "{\"tenderId\":\"" + UUID.randomUUID() + "\"}";
        rows.add(new Row("GET", "/api/v1/tenders/{id}/deposit", unknown + "/deposit", null, false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/deposit/guarantee", unknown + "/deposit/guarantee", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/deposits", unknown + "/deposits", null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 403, 403));
        rows.add(new Row("POST", "/api/v1/payments/banks/{bank}/notifications", "/api/v1/payments/banks/NOBANK/notifications",
                () -> "{}", false,                                                        404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/payments/guarantee-issuers", "/api/v1/payments/guarantee-issuers", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", "/api/v1/payments/guarantee-issuers", "/api/v1/payments/guarantee-issuers",
                () -> "{\"name\":\"某担保公司\",\"certificate\":\"not a certificate\"}", false,
                                                                                          401, 422, 403, 403, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/sandbox/bank/transfers", "/api/v1/sandbox/bank/transfers", () -> unknownTenderBody, false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("POST", "/api/v1/sandbox/insurer/guarantees", "/api/v1/sandbox/insurer/guarantees",
                () -> unknownTenderBody, false,                                           401, 403, 403, 403, 403, 403, 403, 404, 403));
        // Experts: the database for staff and supervisors of the expert's region, each expert's own file for the expert;
        // commands on an unknown expert or draw show the layers (URL rules 403, then the service's scope 404).
        String cityExpert = null;
        for (var e : api.get("/api/v1/experts?status=ACTIVE", api.token("admin")).json()) {
            if (e.path("regionCode").asString().equals("990100")) {
                cityExpert = e.path("id").asString();
                break;
            }
        }
        String unknownExpert = "/api/v1/experts/" + UUID.randomUUID();
        String unknownDraw = "/api/v1/expert-draws/" + UUID.randomUUID();
        rows.add(new Row("GET", "/api/v1/experts/specialties", "/api/v1/experts/specialties", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/experts", "/api/v1/experts", null, false,       401, 200, 200, 200, 200, 403, 403, 403, 403));
        rows.add(new Row("GET", "/api/v1/experts/{id}", "/api/v1/experts/" + cityExpert, null, false,
                                                                                          401, 200, 200, 404, 200, 403, 403, 403, 403));
        rows.add(new Row("GET", "/api/v1/experts/me", "/api/v1/experts/me", null, false, 401, 403, 403, 403, 403, 403, 403, 403, 200));
        rows.add(new Row("POST", "/api/v1/experts/applications", "/api/v1/experts/applications",
                () -> "{\"regionCode\":\"990100\",\"title\":\"高级工程师\",\"specialties\":[\"A01\"]}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 403, 409));
        rows.add(new Row("POST", "/api/v1/experts/{id}/review", unknownExpert + "/review",
                () -> "{\"approve\":true,\"reason\":\"准入\"}", false,             401, 404, 404, 404, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/experts/{id}/status", unknownExpert + "/status",
                () -> "{\"status\":\"SUSPENDED\",\"reason\":\"核查\"}", false,      401, 404, 404, 404, 404, 403, 403, 403, 403));
        // An invalid period changes nothing, whoever sends it.
        rows.add(new Row("POST", "/api/v1/experts/me/leave", "/api/v1/experts/me/leave",
                () -> "{\"start\":\"2026-12-02T00:00:00Z\",\"end\":\"2026-12-01T00:00:00Z\",\"reason\":\"出差\"}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 403, 422));
        rows.add(new Row("GET", "/api/v1/regions/{code}/expert-policy", "/api/v1/regions/990100/expert-policy", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("PUT", "/api/v1/regions/{code}/expert-policy", "/api/v1/regions/999999/expert-policy",
                () -> "{\"maxSittingsPerMonth\":4,\"maxSittingsPerTenderee\":2,\"tendereeWindowDays\":90,\"replyTimeoutMinutes\":15,"
                        + "\"drawLeadMinutes\":60,\"suspendAfterViolations\":3,\"blacklistAfterViolations\":5,\"violationWindowDays\":365}",
                false,                                                                    401, 404, 403, 403, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/expert-draws", unknown + "/expert-draws",
                () -> "{\"evaluationStart\":\"2026-12-20T01:30:00Z\",\"evaluationVenue\":\"评标室\",\"representatives\":1,"
                        + "\"specialties\":[{\"code\":\"A01\",\"count\":4}],\"poolRegions\":[\"990100\"],\"avoid\":[]}", false,
                                                                                          401, 403, 404, 404, 403, 404, 404, 403, 403));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/expert-draws", unknown + "/expert-draws", null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 403, 403));
        rows.add(new Row("GET", "/api/v1/expert-draws", "/api/v1/expert-draws", null, false,
                                                                                          401, 200, 200, 200, 200, 200, 200, 403, 403));
        rows.add(new Row("GET", "/api/v1/expert-draws/{id}", unknownDraw, null, false,  401, 404, 404, 404, 404, 404, 404, 403, 403));
        rows.add(new Row("POST", "/api/v1/expert-draws/{id}/commitment", unknownDraw + "/commitment",
                () -> "{\"secretHash\":\"" + "0".repeat(64) + "\"}", false,
                                                                                          401, 403, 403, 403, 404, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/expert-draws/{id}/secret", unknownDraw + "/secret",
                () -> "{\"secret\":\"" + "0".repeat(64) + "\"}", false,
                                                                                          401, 403, 403, 403, 404, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/expert-draws/{id}/publication", unknownDraw + "/publication", null, false,
                                                                                          401, 404, 404, 404, 404, 403, 403, 403, 403));
        rows.add(new Row("GET", "/api/v1/expert-draws/{id}/record", unknownDraw + "/record", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/expert-draws/{id}/ratings", unknownDraw + "/ratings",
                () -> "{\"expertId\":\"" + UUID.randomUUID() + "\",\"score\":4,\"violations\":[]}", false,
                                                                                          401, 403, 404, 404, 403, 404, 404, 403, 403));
        rows.add(new Row("GET", "/api/v1/experts/me/draws", "/api/v1/experts/me/draws", null, false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 403, 200));
        rows.add(new Row("POST", "/api/v1/experts/me/draws/{id}/sign-in", "/api/v1/experts/me/draws/" + UUID.randomUUID() + "/sign-in",
                () -> "{\"signature\":\"AAAA\"}", false,                              401, 403, 403, 403, 403, 403, 403, 403, 404));
        // Evaluation and award: URL rules by role first (401/403), then the service's scope (404 for an unknown tender).
        String plan = "{\"qualification\":[{\"code\":\"Q1\",\"text\":\"资质\"}]}";
        rows.add(new Row("PUT", "/api/v1/tenders/{id}/evaluation-plan", unknown + "/evaluation-plan", () -> plan, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/evaluation-plan", unknown + "/evaluation-plan", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/evaluation-plans/preview", "/api/v1/evaluation-plans/preview",
                () -> "{\"price\":{\"formula\":\"LOWEST_PRICE_FIRST\",\"weight\":\"0.3\"},\"prices\":[\"100\",\"120\"]}", false,
                                                                                          401, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/evaluation", unknown + "/evaluation", () -> "", false,
                                                                                          401, 404, 404, 404, 403, 404, 404, 403, 404));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/evaluation", unknown + "/evaluation", null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        for (String[] step : new String[][] {{"leader", "{\"candidate\":\"expert01\"}"}, {"reviews", "{\"votes\":{}}"},
                {"scores", "{\"scores\":{}}"}, {"reasons", "{\"bidderId\":\"x\",\"reason\":\"理由\"}"}, {"report", ""},
                {"report/signatures", "{\"signature\":\"AAAA\"}"}, {"negotiation/close", ""}}) {
            rows.add(new Row("POST", "/api/v1/tenders/{id}/evaluation/" + step[0], unknown + "/evaluation/" + step[0], () -> step[1], false,
                                                                                          401, 404, 404, 404, 403, 404, 404, 403, 404));
        }
        rows.add(new Row("GET", "/api/v1/tenders/{id}/evaluation/report", unknown + "/evaluation/report", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/evaluation/report/signatures", unknown + "/evaluation/report/signatures", null,
                false,                                                                    404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/evaluation/bids/{bidId}/file", unknown + "/evaluation/bids/" + UUID.randomUUID()
                + "/file?name=a.txt", null, false,                                        401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/award", unknown + "/award", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/award-objections", unknown + "/award-objections", () -> "{\"text\":\"异议\"}",
                false,                                                                    401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/award-objections/{objectionId}/answer", unknown + "/award-objections/"
                + UUID.randomUUID() + "/answer", () -> "{\"text\":\"答复\"}", false,     401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/award", unknown + "/award", () -> "{\"bidderId\":\"" + UUID.randomUUID() + "\"}",
                false,                                                                    401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/contract", unknown + "/contract", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 404, 404, 403, 403));
        // issue 20 fix D: the owner records the winner's refusal (an unknown tender: not its owner, 403); read signed in
        rows.add(new Row("POST", "/api/v1/tenders/{id}/award/refusal", unknown + "/award/refusal", () -> "{\"reason\":\"拒签\"}",
                false,                                                                    401, 403, 403, 403, 403, 403, 403, 403, 403));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/award/refusal", unknown + "/award/refusal", null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/award/refunds", unknown + "/award/refunds", null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        // Supervision (issue 15): the catalogue and what is published are public; owners (tenderees) apply and report;
        // only a supervisor whose region holds the record decides; out of scope answers 404.
        String sv = "/api/v1/supervision";
        String demoExemption = supervisionId("/exemptions", "YZ-2026-GC-0120");      // 990100, 云州市城投 (tenderee)
        String demoReport = supervisionId("/off-platform-deals", "QS-2026-CG-0031"); // 990121, 青山县水利局 (tenderee2)
        rows.add(new Row("GET", sv + "/catalogue/{code}", sv + "/catalogue/990121", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", sv + "/must-trade", sv + "/must-trade?kind=GCJS&category=WORKS&value=5000000&region=990121", null,
                false,                                                                    200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", sv + "/catalogue/{code}/entries", sv + "/catalogue/990121/entries", () -> "{}", false,
                                                                                          401, 400, 400, 400, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", sv + "/catalogue/entries/{id}/end", sv + "/catalogue/entries/" + UUID.randomUUID() + "/end",
                () -> "{\"effectiveTo\":\"2026-12-31\"}", false,                      401, 404, 404, 404, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", sv + "/exemptions", sv + "/exemptions", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 400, 403, 403, 403));
        rows.add(new Row("GET", sv + "/exemptions", sv + "/exemptions", null, false,      401, 200, 200, 200, 200, 200, 403, 403, 403));
        rows.add(new Row("GET", sv + "/exemptions/{id}", sv + "/exemptions/" + UUID.randomUUID(), null, false,
                                                                                          401, 404, 404, 404, 404, 404, 403, 403, 403));
        rows.add(new Row("GET", sv + "/exemptions/{id}", sv + "/exemptions/" + demoExemption, null, false,
                                                                                          401, 200, 200, 404, 200, 200, 403, 403, 403));
        for (String decision : new String[] {"approval", "return"}) {
            rows.add(new Row("POST", sv + "/exemptions/{id}/" + decision, sv + "/exemptions/" + UUID.randomUUID() + "/" + decision,
                    () -> "{\"reason\":\"理由\"}", false,                              401, 403, 403, 403, 404, 403, 403, 403, 403));
        }
        rows.add(new Row("POST", sv + "/off-platform-deals", sv + "/off-platform-deals", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 400, 403, 403, 403));
        rows.add(new Row("GET", sv + "/off-platform-deals", sv + "/off-platform-deals", null, false,
                                                                                          401, 200, 200, 200, 200, 200, 403, 403, 403));
        rows.add(new Row("GET", sv + "/off-platform-deals/{id}", sv + "/off-platform-deals/" + UUID.randomUUID(), null, false,
                                                                                          401, 404, 404, 404, 404, 404, 403, 403, 403));
        rows.add(new Row("GET", sv + "/off-platform-deals/{id}", sv + "/off-platform-deals/" + demoReport, null, false,
                                                                                          401, 200, 200, 200, 200, 404, 403, 403, 403));
        rows.add(new Row("POST", sv + "/off-platform-deals/{id}/report", sv + "/off-platform-deals/" + UUID.randomUUID() + "/report",
                () -> "{\"resultOn\":\"2026-11-01\",\"resultValue\":\"100\",\"counterparty\":\"某公司\"}", false,
                                                                                          401, 403, 403, 403, 403, 404, 403, 403, 403));
        rows.add(new Row("GET", sv + "/public/exemptions", sv + "/public/exemptions", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", sv + "/public/off-platform-reports", sv + "/public/off-platform-reports", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", sv + "/flags", sv + "/flags", null, false,                401, 200, 200, 200, 200, 403, 403, 403, 403));
        // Issue 19 C: the network screen on demand, for staff and supervisors (each sees its subtree's findings)
        rows.add(new Row("POST", sv + "/screens/network", sv + "/screens/network", () -> "{}", false,
                                                                                          401, 200, 200, 200, 200, 403, 403, 403, 403));
        // issue 19 D: the Art. 40 check of a lot: staff, supervisors and the lot's committee (role first, then the
        // service: region and membership, 404 otherwise; an unknown lot is 404 to all of them)
        for (String method : new String[] {"POST", "GET"}) {
            rows.add(new Row(method, sv + "/evidence/{lotId}", sv + "/evidence/" + UUID.randomUUID(), null, false,
                                                                                          401, 404, 404, 404, 404, 403, 403, 403, 404));
        }
        // Government procurement: the contract's publication (条例 Art. 50) as the contract; a supplier's own result (87号令
        // Art. 69) only for a supplier of an awarded lot, nothing for an unknown tender.
        rows.add(new Row("POST", "/api/v1/tenders/{id}/contract/publication", unknown + "/contract/publication", null, false,
                                                                                          401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/award/my-result", unknown + "/award/my-result", null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        // 87号令 Art. 60: the supplier explains an abnormally low price (bidders only); the committee's leader decides.
        rows.add(new Row("POST", "/api/v1/tenders/{id}/price-explanations", unknown + "/price-explanations",
                () -> "{\"text\":\"成本说明\",\"evidence\":[]}", false,                401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/price-explanations/mine", unknown + "/price-explanations/mine", null, false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/evaluation/price-reviews/{bidderId}/decision", unknown
                + "/evaluation/price-reviews/" + UUID.randomUUID() + "/decision", () -> "{\"accept\":true,\"reason\":\"合理\"}", false,
                                                                                          401, 404, 404, 404, 403, 404, 404, 403, 404));
        // 询问、质疑、投诉 (issue 16) on the demo's procurement lot QS-2026-ZFCG-0012-1 (bidder1 took part): suppliers ask,
        // challenge and complain (URL rule BIDDER), the department handles (URL rule SUPERVISOR), the services check who
        // else (an unknown case is 404 to every signed-in caller); decisions and answered challenges are public.
        String gpLot = "/api/v1/lots/" + gpLot();
        String c = "/api/v1/complaints/" + UUID.randomUUID();
        rows.add(new Row("GET", "/api/v1/lots/{id}/inquiries", gpLot + "/inquiries", null, false,
                                                                                          401, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", "/api/v1/lots/{id}/inquiries", gpLot + "/inquiries", () -> "{\"text\":\"权限矩阵测试询问\"}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 201, 403));
        rows.add(new Row("GET", "/api/v1/inquiries/{id}", "/api/v1/inquiries/" + UUID.randomUUID(), null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/inquiries/{id}/answer", "/api/v1/inquiries/" + UUID.randomUUID() + "/answer",
                () -> "{\"text\":\"答复\"}", false,                                     401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/lots/{id}/challenges/statement", gpLot + "/challenges/statement",
                () -> "{\"subject\":\"RESULT\"}", false,                                 401, 403, 403, 403, 403, 403, 403, 200, 403));
        rows.add(new Row("POST", "/api/v1/lots/{id}/challenges", gpLot + "/challenges", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 422, 403));
        rows.add(new Row("GET", "/api/v1/lots/{id}/challenges", gpLot + "/challenges", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/challenges/{id}", "/api/v1/challenges/" + UUID.randomUUID(), null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/challenges/{id}/result-changing", "/api/v1/challenges/" + UUID.randomUUID() + "/result-changing",
                null, false,                                                              401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/challenges/{id}/answer", "/api/v1/challenges/" + UUID.randomUUID() + "/answer",
                () -> "{\"text\":\"答复\"}", false,                                     401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/lots/{id}/complaints", gpLot + "/complaints", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 422, 403));
        rows.add(new Row("GET", "/api/v1/complaints/{id}", c, null, false,               401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/complaints/{id}/completion", c + "/completion", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("POST", "/api/v1/complaints/{id}/replies", c + "/replies", () -> "{\"text\":\"说明\"}", false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        for (String[] step : new String[][] {{"intake", "{\"decision\":\"ACCEPT\"}"}, {"copies", "{\"parties\":[]}"},
                {"suspension", "{\"until\":\"2027-01-01T00:00:00Z\",\"reason\":\"调查\"}"}, {"suspension/lift", null},
                {"pauses", "{\"reason\":\"TEST\",\"note\":\"检验\"}"}, {"pauses/end", null},
                {"decision", "{\"outcome\":\"FOUNDED\",\"reasons\":\"理由\"}"}}) {
            rows.add(new Row("POST", "/api/v1/complaints/{id}/" + step[0], c + "/" + step[0], step[1] == null ? null : () -> step[1],
                    false,                                                                401, 403, 403, 403, 404, 403, 403, 403, 403));
        }
        rows.add(new Row("GET", "/api/v1/complaint-decisions", "/api/v1/complaint-decisions", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/lots/{id}/complaint-decisions", gpLot + "/complaint-decisions", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/complaints/worklist", "/api/v1/complaints/worklist", null, false,
                                                                                          401, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/complaints/repeat-unfounded", "/api/v1/complaints/repeat-unfounded", null, false,
                                                                                          401, 200, 200, 200, 200, 403, 403, 403, 403));
        // Issue 16 part D: negotiation rounds. Only EXPERT and BIDDER accounts may post; the service then admits the lot's
        // seated panel (403 otherwise) or its suppliers (404 otherwise, as for a negotiation that is not); nothing exists
        // for an unknown tender.
        String ng = unknown + "/negotiation";
        String other = UUID.randomUUID().toString();
        rows.add(new Row("GET", "/api/v1/tenders/{id}/negotiation", ng, null, false,     401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/negotiation/threads/{supplierId}", ng + "/threads/" + other, null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/negotiation", ng, null, false,    401, 403, 403, 403, 403, 403, 403, 404, 404));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/negotiation/threads/{supplierId}/messages", ng + "/threads/" + other + "/messages",
                () -> "{\"text\":\"请说明\"}", false,                                       401, 403, 403, 403, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/negotiation/thread/messages", ng + "/thread/messages",
                () -> "{\"text\":\"答复\"}", false,                                         401, 403, 403, 403, 403, 403, 403, 404, 404));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/negotiation/changes", ng + "/changes", () -> "{\"text\":\"变更\"}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/negotiation/changes/{changeId}/acknowledgement", ng + "/changes/" + other
                + "/acknowledgement", null, false,                                        401, 403, 403, 403, 403, 403, 403, 404, 404));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/negotiation/exclusions", ng + "/exclusions",
                () -> "{\"supplierId\":\"" + other + "\",\"reason\":\"不符合\"}", false,    401, 403, 403, 403, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/negotiation/final-offers", ng + "/final-offers",
                () -> "{\"deadline\":\"2030-01-01T00:00:00Z\"}", false,                      401, 403, 403, 403, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/negotiation/rounds", ng + "/rounds", null, false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/negotiation/closure", ng + "/closure", null, false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 403, 403));
        // Issue 16 part C: invitations. The owner draws and reads its lot's invitation list (an unknown lot is 404 for
        // purchasers and agencies); the draw record is public once bidding closed (an unknown lot: 404 for everyone); a
        // supplier reads its own invitations.
        String hash64 = "0".repeat(64);
        rows.add(new Row("POST", "/api/v1/tenders/{id}/invitations/draw", unknown + "/invitations/draw",
                () -> "{\"drawCount\":3,\"secretHash\":\"" + hash64 + "\"}", false,  401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("POST", "/api/v1/tenders/{id}/invitations/draw/reveal", unknown + "/invitations/draw/reveal",
                () -> "{\"secret\":\"" + hash64 + "\"}", false,                      401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/invitations/draw", unknown + "/invitations/draw", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/tenders/{id}/invitations", unknown + "/invitations", null, false,
                                                                                          401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("GET", "/api/v1/invitations/mine", "/api/v1/invitations/mine", null, false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 200, 403));
        // The SMS gateway is no user: its replies are authenticated by its signature, so an unsigned one is 401 for all.
        rows.add(new Row("POST", "/api/v1/experts/notifier/replies", "/api/v1/experts/notifier/replies", () -> "{}", false,
                                                                                          401, 401, 401, 401, 401, 401, 401, 401, 401));
        // Auction lots (issue 17 part L): the terms by the lot's owner side; the lot public once published (unknown here).
        String unknownLot = "/api/v1/auctions/" + UUID.randomUUID();
        rows.add(new Row("GET", "/api/v1/auctions/{lotId}", unknownLot, null, false,   404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("PUT", "/api/v1/auctions/{lotId}/terms", unknownLot + "/terms", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 404, 404, 403, 403));
        // The auction's result (issue 17 part F): result and 成交确认书 public (an unknown lot: 404 for everyone); signing
        // checks the result first (404); the payment schedule only for the lot's owner side and the region's staff.
        rows.add(new Row("GET", "/api/v1/auctions/{lotId}/result", unknownLot + "/result", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/auctions/{lotId}/confirmation", unknownLot + "/confirmation", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/auctions/{lotId}/confirmation/statement", unknownLot + "/confirmation/statement", null,
                false,                                                                    404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/auctions/{lotId}/confirmation/signatures", unknownLot + "/confirmation/signatures",
                () -> "{}", false,                                                        401, 404, 404, 404, 404, 404, 404, 404, 404));
        // issue 20 fix D: the lot's owner declares the winner's default (an unknown lot: not its owner, 403)
        rows.add(new Row("POST", "/api/v1/auctions/{lotId}/default", unknownLot + "/default", () -> "{\"reason\":\"未签\"}",
                false,                                                                    401, 403, 403, 403, 403, 403, 403, 403, 403));
        rows.add(new Row("GET", "/api/v1/auctions/{lotId}/default", unknownLot + "/default", null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/auctions/{lotId}/payments", unknownLot + "/payments", null, false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/auctions/{lotId}/payments", unknownLot + "/payments", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 403, 403));
        // The sealed reserve and the bidder numbers (issue 17 part D): the reserve set by the lot's owner side only (an
        // unknown lot: 404 for them); its view, envelope and the bidder numbers public once the lot is published (an
        // unknown lot: 404); the reserve key's shares for custodians only (centre staff, supervisors, owners: the service
        // answers who is none); a bidder's own number for bidder accounts.
        rows.add(new Row("PUT", "/api/v1/auctions/{lotId}/reserve", unknownLot + "/reserve", () -> "{\"amount\":\"100.00\"}", false,
                                                                                          401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("GET", "/api/v1/auctions/{lotId}/reserve", unknownLot + "/reserve", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/auctions/{lotId}/reserve/envelope", unknownLot + "/reserve/envelope", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/auctions/{lotId}/reserve/key/my-share", unknownLot + "/reserve/key/my-share", null, false,
                                                                                          401, 403, 404, 404, 404, 404, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/auctions/{lotId}/reserve/shares", unknownLot + "/reserve/shares",
                () -> "{\"share\":\"{}\"}", false,                                        401, 403, 404, 404, 404, 404, 403, 403, 403));
        rows.add(new Row("GET", "/api/v1/auctions/{lotId}/bidder", unknownLot + "/bidder", null, false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("GET", "/api/v1/auctions/{lotId}/bidders", unknownLot + "/bidders", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        // The live room (issue 17 part C): room and stream public (an unknown lot: 404); bids from bidder accounts; the
        // increment by the lot's owner side (the service answers an unknown lot 404). The stream answers a caller asking
        // only for JSON (as this client does) with the snapshot, and an unknown lot 404 at once, whatever it asks for.
        rows.add(new Row("GET", "/api/v1/auctions/{lotId}/room", unknownLot + "/room", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/auctions/{lotId}/live", unknownLot + "/live", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/auctions/{lotId}/bids", unknownLot + "/bids", () -> "{\"amount\":\"100.00\"}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("POST", "/api/v1/auctions/{lotId}/increment", unknownLot + "/increment",
                () -> "{\"increment\":\"100.00\",\"reason\":\"调整\"}", false,          401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("PUT", "/api/v1/auctions/{lotId}/payments/plan", unknownLot + "/payments/plan", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 403, 403));
        // Issue 18: statistics and OCDS are open data (an unknown release or record 404); subscriptions per signed-in
        // account (someone else's or an unknown one 404); the national exchange's replay and receipts for centre staff
        // and administrators only (a replay from a future date sends nothing)
        rows.add(new Row("GET", "/api/v1/search", "/api/v1/search?q=" + java.net.URLEncoder.encode("防汛", java.nio.charset.StandardCharsets.UTF_8),
                null, false,                                                                      200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/statistics", "/api/v1/statistics", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/statistics.csv", "/api/v1/statistics.csv", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/ocds/releases", "/api/v1/ocds/releases", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/ocds/releases/{id}", "/api/v1/ocds/releases/ocds-sunbid-none-x-tender", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/ocds/records", "/api/v1/ocds/records", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/ocds/records/{id}", "/api/v1/ocds/records/ocds-sunbid-none", null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/subscriptions", "/api/v1/subscriptions", null, false,
                                                                                          401, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", "/api/v1/subscriptions", "/api/v1/subscriptions",
                () -> "{\"name\":\"工程公告\",\"search\":\"kind=GCJS\"}", false,         401, 201, 201, 201, 201, 201, 201, 201, 201));
        rows.add(new Row("DELETE", "/api/v1/subscriptions/{id}", "/api/v1/subscriptions/" + UUID.randomUUID(), null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/exchange/replays", "/api/v1/exchange/replays", () -> "{\"from\":\"2099-01-01\"}", false,
                                                                                          401, 201, 201, 201, 403, 403, 403, 403, 403));
        rows.add(new Row("GET", "/api/v1/exchange/receipts", "/api/v1/exchange/receipts", null, false,
                                                                                          401, 200, 200, 200, 403, 403, 403, 403, 403));
        // Issue 19 E: the supervisors' warning queue. The administrator, centre staff and supervisors have a queue (their
        // regions); anyone else is forbidden it. A warning out of the caller's regions, or unknown, is not found, also
        // for its steps (only a supervisor of its region takes them: centre staff who see it get 403).
        String w = "/api/v1/supervision/warnings";
        String unknownWarning = w + "/" + UUID.randomUUID();
        rows.add(new Row("GET", w, w, null, false,                                        401, 200, 200, 200, 200, 403, 403, 403, 403));
        rows.add(new Row("GET", w + "/summary", w + "/summary", null, false,            401, 200, 200, 200, 200, 403, 403, 403, 403));
        rows.add(new Row("GET", w + "/{id}", unknownWarning, null, false,                401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", w + "/{id}/acceptance", unknownWarning + "/acceptance", () -> "{}", false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", w + "/{id}/dismissal", unknownWarning + "/dismissal", () -> "{\"reason\":\"r\",\"basis\":\"b\"}",
                false,                                                                    401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", w + "/{id}/notes", unknownWarning + "/notes", () -> "{\"text\":\"记录\"}", false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", w + "/{id}/decision", unknownWarning + "/decision",
                () -> "{\"decision\":\"REFERRED\",\"reason\":\"r\",\"basis\":\"b\"}", false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", w + "/{id}/correction", unknownWarning + "/correction", () -> "{\"note\":\"已整改\"}", false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        // the demo's warning of 青山县's overdue off-platform report (990121): the county's centre staff see it too
        String demoWarning = w + "/" + demoWarning();
        rows.add(new Row("GET", w + "/{id}", demoWarning, null, false,                   401, 200, 200, 200, 200, 404, 404, 404, 404));
        // Issue 20 K: published credit records and the dated rules are public; a profile for the organisation itself,
        // staff, supervisors and owners (tenderees, agencies), not other bidders or experts; repairs and objections need
        // a signed-in user, and an unknown record, application or objection is not found for anyone
        String cr = "/api/v1/credit";
        String unknownRecord = cr + "/records/" + UUID.randomUUID();
        rows.add(new Row("GET", cr + "/records", cr + "/records", null, false,            200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", cr + "/rules", cr + "/rules", null, false,                200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", cr + "/profiles/{id}", cr + "/profiles/" + bidder1Org, null, false,
                                                                                          401, 200, 200, 200, 200, 200, 200, 200, 404));
        rows.add(new Row("POST", cr + "/records/{id}/repairs", unknownRecord + "/repairs", () -> "{\"reason\":\"已整改\"}", false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", cr + "/records/{id}/objections", unknownRecord + "/objections", () -> "{\"reason\":\"有误\"}", false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", cr + "/repairs", cr + "/repairs", null, false,            401, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", cr + "/objections", cr + "/objections", null, false,      401, 200, 200, 200, 200, 200, 200, 200, 200));
        String unknownRepair = cr + "/repairs/" + UUID.randomUUID();
        String unknownObjection = cr + "/objections/" + UUID.randomUUID();
        rows.add(new Row("GET", cr + "/repairs/{id}", unknownRepair, null, false,        401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", cr + "/repairs/{id}/acceptance", unknownRepair + "/acceptance", () -> "{}", false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", cr + "/repairs/{id}/decision", unknownRepair + "/decision",
                () -> "{\"decision\":\"APPROVE\",\"reason\":\"准予\"}", false,     401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", cr + "/objections/{id}", unknownObjection, null, false,  401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", cr + "/objections/{id}/decision", unknownObjection + "/decision",
                () -> "{\"decision\":\"UPHOLD\",\"reason\":\"成立\"}", false,       401, 404, 404, 404, 404, 404, 404, 404, 404));
        // issue 20 S: the external credit lists are public; imports and entries for staff and supervisors; a version is
        // uploaded by the administrator only, not any county's centre staff (an empty body: 400, nothing imported)
        String cl = "/api/v1/credit/lists";
        rows.add(new Row("GET", cl, cl, null, false,                                      200, 200, 200, 200, 200, 200, 200, 200, 200));
        for (String part : new String[] {"imports", "entries"}) {
            rows.add(new Row("GET", cl + "/{code}/" + part, cl + "/court-debtors/" + part, null, false,
                                                                                          401, 200, 200, 200, 200, 403, 403, 403, 403));
        }
        rows.add(new Row("POST", cl + "/{code}/imports", cl + "/court-debtors/imports", () -> "{}", false,
                                                                                          401, 400, 403, 403, 403, 403, 403, 403, 403));
        // Issue 20 I: the intermediary market. The register, thresholds, results and draw records are public; an
        // intermediary (agency role) registers, staff of its region review, the owner (tenderee) requests and rates.
        String im = "/api/v1/intermediaries";
        String unknownIm = im + "/" + UUID.randomUUID();
        rows.add(new Row("GET", im + "/service-kinds", im + "/service-kinds", null, false, 200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", im, im, null, false,                                      200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", im + "/{id}", unknownIm, null, false,                     404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", im + "/{id}", im + "/" + orgOf("agency"), null, false,    200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", im + "/registration", im + "/registration", () -> "{\"contact\":\"某\",\"phone\":\"1\","
                + "\"qualifications\":[{\"serviceKind\":\"NO_SUCH_KIND\",\"certificateNo\":\"c\",\"grade\":\"甲级\","
                + "\"validFrom\":\"2026-01-01\",\"validUntil\":\"2027-01-01\"}],\"areas\":[\"990100\"]}", false,
                                                                                          401, 403, 403, 403, 403, 403, 400, 403, 403));
        rows.add(new Row("GET", im + "/registrations", im + "/registrations", null, false,
                                                                                          401, 200, 200, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", im + "/{id}/review", unknownIm + "/review", () -> "{\"approve\":true}", false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", im + "/direct-thresholds", im + "/direct-thresholds", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", im + "/direct-thresholds", im + "/direct-thresholds",
                () -> "{\"regionCode\":\"000000\",\"maxAmount\":1,\"validFrom\":\"2026-01-01\",\"basis\":\"b\"}", false,
                                                                                          401, 400, 403, 403, 403, 403, 403, 403, 403));
        rows.add(new Row("GET", im + "/results", im + "/results", null, false,            200, 200, 200, 200, 200, 200, 200, 200, 200));
        String ir = "/api/v1/intermediary-requests";
        String unknownIr = ir + "/" + UUID.randomUUID();
        rows.add(new Row("POST", ir, ir, () -> "{\"serviceKind\":\"NO_SUCH_KIND\",\"regionCode\":\"990100\",\"title\":\"t\","
                + "\"budget\":1,\"serviceStart\":\"2027-01-01\",\"serviceEnd\":\"2027-02-01\",\"method\":\"DIRECT\"}", false,
                                                                                          401, 403, 403, 403, 403, 400, 403, 403, 403));
        rows.add(new Row("GET", ir, ir, null, false,                                      401, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", ir + "/{id}", unknownIr, null, false,                     401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", ir + "/{id}", ir + "/" + demoIntermediaryRequest(), null, false,
                                                                                          401, 200, 200, 200, 404, 200, 404, 404, 404));
        rows.add(new Row("POST", ir + "/{id}/draw/commit", unknownIr + "/draw/commit",
                () -> "{\"secretHash\":\"00\",\"witnesses\":[\"centre\"]}", false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", ir + "/{id}/draw/reveal", unknownIr + "/draw/reveal", () -> "{\"secret\":\"00\"}", false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", ir + "/{id}/quotes", unknownIr + "/quotes", () -> "{\"amount\":1}", false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", ir + "/{id}/quotes/opening", unknownIr + "/quotes/opening", () -> "{}", false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", ir + "/{id}/rating", unknownIr + "/rating", () -> "{\"score\":3}", false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/intermediary-draws/{id}/record", "/api/v1/intermediary-draws/" + UUID.randomUUID() + "/record",
                null, false,                                                              404, 404, 404, 404, 404, 404, 404, 404, 404));
        // issue 20 V: venues. Rooms, readers and recordings by the centre's staff; bookings by the lot's owner or agency
        // (an unknown lot: 422 for them); a reader authenticates with its device token whoever else calls.
        String noVenue = "/" + UUID.randomUUID();
        //                                                                               pub admin centre qs   sup  tend agen bid1 expert
        rows.add(new Row("GET", "/api/v1/venues/rooms", "/api/v1/venues/rooms", null, false,
                                                                                          401, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", "/api/v1/venues/rooms", "/api/v1/venues/rooms", () -> "{\"kind\":\"OPENING_HALL\"}", false,
                                                                                          401, 400, 400, 400, 403, 403, 403, 403, 403));
        rows.add(new Row("PUT", "/api/v1/venues/rooms/{id}", "/api/v1/venues/rooms" + noVenue, () -> "{}", false,
                                                                                          401, 404, 404, 404, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/venues/rooms/{roomId}/devices", "/api/v1/venues/rooms" + noVenue + "/devices",
                () -> "{\"kind\":\"CARD\",\"name\":\"x\"}", false,                   401, 404, 404, 404, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/venues/devices/{deviceId}/sign-ins", "/api/v1/venues/devices" + noVenue + "/sign-ins",
                () -> "{}", false,                                                        401, 401, 401, 401, 401, 401, 401, 401, 401));
        rows.add(new Row("GET", "/api/v1/venues/bookings", "/api/v1/venues/bookings", null, false,
                                                                                          401, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("DELETE", "/api/v1/venues/bookings/{id}", "/api/v1/venues/bookings" + noVenue, null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/lots/{lotId}/venue-bookings", "/api/v1/lots" + noVenue + "/venue-bookings", null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/lots/{lotId}/venue-bookings", "/api/v1/lots" + noVenue + "/venue-bookings", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 422, 422, 403, 403));
        rows.add(new Row("GET", "/api/v1/lots/{lotId}/venue-evidence", "/api/v1/lots" + noVenue + "/venue-evidence", null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/lots/{lotId}/venue-recordings", "/api/v1/lots" + noVenue + "/venue-recordings", () -> "{}",
                false,                                                                    401, 400, 400, 400, 403, 403, 403, 403, 403));
        // issue 22: the e-mall. Categories, rules, approved listings and sales are public; the centre's staff keep the
        // categories and review; suppliers list; budget units order, accept and pay. Unknown records answer 404.
        String noMall = "/" + UUID.randomUUID();
        //                                                                               pub admin centre qs   sup  tend agen bid1 expert
        rows.add(new Row("GET", "/api/v1/mall/categories", "/api/v1/mall/categories", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", "/api/v1/mall/categories", "/api/v1/mall/categories", () -> "{}", false,
                                                                                          401, 400, 400, 400, 403, 403, 403, 403, 403));
        rows.add(new Row("GET", "/api/v1/mall/rules", "/api/v1/mall/rules", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST", "/api/v1/mall/rules", "/api/v1/mall/rules", () -> "{}", false,
                                                                                          401, 400, 400, 400, 403, 403, 403, 403, 403));
        rows.add(new Row("GET", "/api/v1/mall/listings", "/api/v1/mall/listings", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/mall/listings/{id}", "/api/v1/mall/listings" + noMall, null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/mall/listings/mine", "/api/v1/mall/listings/mine", null, false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 200, 403));
        rows.add(new Row("GET", "/api/v1/mall/reviews", "/api/v1/mall/reviews", null, false,
                                                                                          401, 200, 200, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/mall/listings", "/api/v1/mall/listings", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 400, 403));
        rows.add(new Row("POST", "/api/v1/mall/listings/{id}/price", "/api/v1/mall/listings" + noMall + "/price", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("POST", "/api/v1/mall/listings/{id}/evidence", "/api/v1/mall/listings" + noMall + "/evidence", () -> "{}",
                false,                                                                    401, 404, 404, 404, 404, 404, 404, 404, 404));
        // a kept evidence file: the reviewer, supervisors and the supplier (the service decides: unknown listing 404)
        rows.add(new Row("GET", "/api/v1/mall/listings/{id}/evidence/{evidenceId}/file", "/api/v1/mall/listings" + noMall + "/evidence/"
                + UUID.randomUUID() + "/file", null, false,                               401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/mall/listings/{id}/review", "/api/v1/mall/listings" + noMall + "/review", () -> "{}", false,
                                                                                          401, 404, 404, 404, 403, 403, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/mall/listings/{id}/withdrawal", "/api/v1/mall/listings" + noMall + "/withdrawal", () -> "{}",
                false,                                                                    401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("GET", "/api/v1/mall/orders", "/api/v1/mall/orders", null, false,
                                                                                          401, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/mall/orders/{id}", "/api/v1/mall/orders" + noMall, null, false,
                                                                                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", "/api/v1/mall/orders", "/api/v1/mall/orders", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 400, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/mall/comparisons", "/api/v1/mall/comparisons", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 400, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/mall/orders/{id}/acceptance", "/api/v1/mall/orders" + noMall + "/acceptance", () -> "{}",
                false,                                                                    401, 403, 403, 403, 403, 404, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/mall/orders/{id}/payment", "/api/v1/mall/orders" + noMall + "/payment", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 404, 403, 403, 403));
        rows.add(new Row("GET", "/api/v1/mall/statistics", "/api/v1/mall/statistics", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        // reverse auctions: terms public, bids sealed until the close (the same 404 for an unknown one, whoever asks);
        // budget units open, suppliers bid
        String ra = "/api/v1/mall/reverse-auctions";
        rows.add(new Row("GET", ra, ra, null, false,                                       200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", ra + "/{id}", ra + noMall, null, false,                    404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", ra + "/{id}/bids", ra + noMall + "/bids", null, false,     404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", ra, ra, () -> "{}", false,                                401, 403, 403, 403, 403, 400, 403, 403, 403));
        rows.add(new Row("POST", ra + "/{id}/bids", ra + noMall + "/bids", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        // group purchases: terms public, quotes sealed until the close; budget units or the centre open, budget units
        // join, suppliers quote
        String gp = "/api/v1/mall/group-purchases";
        rows.add(new Row("GET", gp, gp, null, false,                                       200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", gp + "/{id}", gp + noMall, null, false,                    404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", gp + "/{id}/quotes", gp + noMall + "/quotes", null, false, 404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", gp, gp, () -> "{}", false,                                401, 400, 400, 400, 403, 400, 403, 403, 403));
        rows.add(new Row("POST", gp + "/{id}/members", gp + noMall + "/members", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 404, 403, 403, 403));
        rows.add(new Row("POST", gp + "/{id}/quotes", gp + noMall + "/quotes", () -> "{}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        // issue 22: framework agreements. Notices are public; the collecting body (tenderee or agency) creates, shortlists,
        // reviews joins and publishes order summaries; suppliers respond, join and offer; buyers (tenderees) order, close
        // and publish. The services then check the party: unknown records answer 404. An order is read only by its parties
        // and the staff (FrameworkAgreementEndToEndIT reads a real one).
        String fa = "/api/v1/framework-agreements";
        String noFa = fa + "/" + UUID.randomUUID();
        String noFo = "/api/v1/framework-orders/" + UUID.randomUUID();
        String period = "?from=2027-01-01&to=2027-01-31";
        //                                                                               pub admin centre qs   sup  tend agen bid1 expert
        rows.add(new Row("POST", fa, fa, () -> "{}", false,                               401, 403, 403, 403, 403, 400, 400, 403, 403));
        rows.add(new Row("GET", fa + "/{id}", noFa, null, false,                          401, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("POST", fa + "/{id}/responses", noFa + "/responses", () -> "{\"prices\":{\"1\":1}}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("POST", fa + "/{id}/shortlist", noFa + "/shortlist", () -> "{\"count\":1}", false,
                                                                                          401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("POST", fa + "/{id}/joins", noFa + "/joins", () -> "{\"prices\":{\"1\":1}}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("GET", fa + "/{id}/joins", noFa + "/joins", null, false,         401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("POST", fa + "/{id}/joins/{requestId}/review", noFa + "/joins/" + UUID.randomUUID() + "/review",
                () -> "{\"admit\":false,\"reason\":\"x\"}", false,                    401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("POST", fa + "/{id}/orders", noFa + "/orders",
                () -> "{\"itemNo\":1,\"quantity\":\"1\",\"method\":\"DIRECT\"}", false,
                                                                                          401, 403, 403, 403, 403, 404, 403, 403, 403));
        rows.add(new Row("GET", fa + "/{id}/orders", noFa + "/orders", null, false,       401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("POST", fa + "/{id}/order-summaries", noFa + "/order-summaries" + period, null, false,
                                                                                          401, 403, 403, 403, 403, 404, 404, 403, 403));
        rows.add(new Row("GET", "/api/v1/framework-orders/mine", "/api/v1/framework-orders/mine", null, false,
                                                                                          401, 403, 403, 403, 403, 200, 403, 403, 403));
        // session 11: a supplier's own secondary competitions (its page and the bidder tool read them)
        rows.add(new Row("GET", "/api/v1/framework-orders/invitations", "/api/v1/framework-orders/invitations", null, false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 200, 403));
        rows.add(new Row("GET", "/api/v1/framework-orders/{id}", noFo, null, false,       401, 404, 404, 404, 404, 404, 404, 404, 404));
        // session 12: the offer is the price, sealed on arrival to the competition round's key (no reveal any more)
        rows.add(new Row("POST", "/api/v1/framework-orders/{id}/offers", noFo + "/offers", () -> "{\"price\":\"1.00\"}", false,
                                                                                          401, 403, 403, 403, 403, 403, 403, 404, 403));
        rows.add(new Row("POST", "/api/v1/framework-orders/{id}/close", noFo + "/close", null, false,
                                                                                          401, 403, 403, 403, 403, 404, 403, 403, 403));
        rows.add(new Row("POST", "/api/v1/framework-orders/{id}/publication", noFo + "/publication", null, false,
                                                                                          401, 403, 403, 403, 403, 404, 403, 403, 403));
        rows.add(new Row("GET", "/api/v1/public/framework-agreements", "/api/v1/public/framework-agreements", null, false,
                                                                                          200, 200, 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/v1/public/framework-agreements/{id}", "/api/v1/public/framework-agreements/" + UUID.randomUUID(),
                null, false,                                                              404, 404, 404, 404, 404, 404, 404, 404, 404));
        rows.add(new Row("GET", "/api/v1/public/framework-agreements/{id}/order-summary",
                "/api/v1/public/framework-agreements/" + UUID.randomUUID() + "/order-summary" + period, null, false,
                                                                                          404, 404, 404, 404, 404, 404, 404, 404, 404));
        return rows;
    }

    /** The demo's random selection of a cost consultant for 青山县 (issue 20 I). */
    private String demoIntermediaryRequest() {
        return jdbc.sql("SELECT id FROM intermediary_request WHERE title = '青山县城区排水管网改造工程全过程造价咨询'")
                .query(String.class).single();
    }

    @Autowired
    BasicAccounts basicAccounts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The demo's procurement lot QS-2026-ZFCG-0012-1. */
    private String gpLot() {
        return jdbc.sql("SELECT id FROM tender WHERE project_code = 'QS-2026-ZFCG-0012-1'").query(String.class).single();
    }

    /** The demo's warning about 青山县's overdue off-platform report (issue 19). */
    private String demoWarning() {
        for (var warning : api.get("/api/v1/supervision/warnings?source=catalogue&status=", api.token("admin")).json()) {
            if (warning.path("key").asString().startsWith("offplatform-overdue|")) {
                return warning.path("id").asString();
            }
        }
        throw new IllegalStateException("no demo warning");
    }

    /** The id of the demo's supervision record of {@code projectCode} (as the administrator lists them). */
    private String supervisionId(String list, String projectCode) {
        for (var record : api.get("/api/v1/supervision" + list, api.token("admin")).json()) {
            if (record.path("projectCode").asString().equals(projectCode)) {
                return record.path("id").asString();
            }
        }
        throw new IllegalStateException(projectCode);
    }

    private BasicAccount basicAccountOf(String organisationId) {
        return basicAccounts.at(UUID.fromString(organisationId), clock.instant()).orElseThrow();
    }

        private String creditCodeOfName(String name) {
        for (var o : api.get("/api/v1/organisations", api.token("admin")).json()) {
            if (o.path("name").asString().equals(name)) {
                return o.path("creditCode").asString();
            }
        }
        throw new IllegalStateException(name);
    }

    /** A construction project with one lot's tender, as {@code POST /api/v1/projects} takes it. */
    static String projectJson(String tendereeId) {
        java.time.Instant deadline = START.plus(java.time.Duration.ofDays(25));
        java.util.Map<String, Object> lot = java.util.Map.ofEntries(
                java.util.Map.entry("projectCode", "MP-" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000)),
                java.util.Map.entry("name", "权限矩阵测试标段"), java.util.Map.entry("category", "房屋建筑工程"),
                java.util.Map.entry("estimatedPrice", "1000000"), java.util.Map.entry("deposit", "20000"),
                java.util.Map.entry("qualification", "三级及以上"), java.util.Map.entry("evaluationMethod", "COMPREHENSIVE"),
                java.util.Map.entry("bidDeadline", deadline.toString()), java.util.Map.entry("openingVenue", "第一开标室"),
                java.util.Map.entry("bidValidityDays", 90),
                java.util.Map.entry("documentsAvailableUntil", START.plus(java.time.Duration.ofDays(10)).toString()),
                java.util.Map.entry("notice", "公告"));
        return ApiClient.json(java.util.Map.of("kind", "GCJS", "procedureCode", "GCJS_OPEN_TENDER", "name", "权限矩阵测试项目",
                "budget", "1000000", "category", "WORKS", "tendereeId", tendereeId, "lots", java.util.List.of(lot)));
    }

    static String tenderJson(String tendereeId) {
        java.time.Instant deadline = START.plus(java.time.Duration.ofDays(25));
        return ApiClient.json(java.util.Map.ofEntries(
                java.util.Map.entry("projectCode", "MX-" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000)),
                java.util.Map.entry("name", "权限矩阵测试工程"), java.util.Map.entry("category", "房屋建筑工程"),
                java.util.Map.entry("estimatedPrice", "1000000"), java.util.Map.entry("deposit", "20000"),
                java.util.Map.entry("qualification", "三级及以上"), java.util.Map.entry("evaluationMethod", "COMPREHENSIVE"),
                java.util.Map.entry("bidDeadline", deadline.toString()), java.util.Map.entry("openingVenue", "第一开标室"),
                java.util.Map.entry("bidValidityDays", 90),
                java.util.Map.entry("documentsAvailableUntil", START.plus(java.time.Duration.ofDays(10)).toString()),
                java.util.Map.entry("notice", "公告"), java.util.Map.entry("tendereeId", tendereeId),
                java.util.Map.entry("lots", java.util.List.of(java.util.Map.of("name", "一标段", "estimatedPrice", "1000000")))));
    }

    private String creditCodeOfOrganisation(String organisationId) {
        return organisations.find(UUID.fromString(organisationId)).orElseThrow().creditCode().value();
    }

    @Test
    void eachRoleGetsExactlyTheExpectedStatusOnEveryEndpoint() {
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows()) {
            for (int i = 0; i < CALLERS.length; i++) {
                String caller = CALLERS[i];
                String token = caller == null ? null : row.revokesToken() ? api.freshToken(caller) : api.token(caller);
                ApiClient.Response response = api.send(row.method(), row.path(), row.body() == null ? null : row.body().get(), token);
                if (response.status() != row.expected()[i]) {
                    mismatches.add(row.method() + " " + row.path() + " as " + (caller == null ? "public" : caller)
                            + ": expected " + row.expected()[i] + ", got " + response.status() + " " + response.body());
                }
                if (response.status() >= 400) {
                    assertThat(response.isProblem()).as("error of %s %s as %s is problem+json", row.method(), row.path(), caller)
                            .isTrue();
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyApiEndpointIsInTheMatrix() {
        Set<String> covered = new HashSet<>();
        rows().forEach(r -> covered.add(r.method() + " " + r.pattern()));
        Set<String> endpoints = new HashSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> endpoints.add(m.name() + " " + p))));
        assertThat(endpoints).isNotEmpty();
        assertThat(covered).containsAll(endpoints);
    }

    @Test
    void staffListsOnlyOrganisationsInTheirRegionsSubtree() {
        Map<String, Integer> visible = new LinkedHashMap<>();
        for (String staff : List.of("admin", "centre", "qs-centre", "supervisor")) {
            var list = api.get("/api/v1/organisations", api.token(staff)).json();
            visible.put(staff, list.size());
            for (var organisation : list) {
                String region = organisation.path("regionCode").asString();
                switch (staff) {
                    case "qs-centre" -> assertThat(region).startsWith("990121");
                    case "centre", "supervisor" -> assertThat(region).startsWith("9901");
                    default -> { }
                }
            }
        }
        // The administrator also sees the province-level organisations that the city does not.
        assertThat(visible.get("admin")).isGreaterThan(visible.get("centre"));
        assertThat(visible.get("centre")).isGreaterThan(visible.get("qs-centre"));
        assertEquals(visible.get("centre"), visible.get("supervisor"));
    }

    @Test
    void aRegionFilterOutsideTheCallersScopeFallsBackToTheScope() {
        var list = api.get("/api/v1/organisations?region=990122", api.token("qs-centre")).json();
        for (var organisation : list) {
            assertThat(organisation.path("regionCode").asString()).startsWith("990121");
        }
    }
}
