package org.sunbid.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.evaluation.Evaluations;
import org.sunbid.platform.tendering.Tenders;

/**
 * Test set-up, the real way through the API (issue 16): a lot of a negotiating method (竞争性谈判 / 竞争性磋商) created by
 * {@code POST /api/v1/projects} under that method, its suppliers invited by procurement's draw ({@link PlatformIT#invite}),
 * published through the Tender aggregate, each invitee's sealed response uploaded with the bidder tool, opened by the
 * custodians after the deadline, and a panel drawn, accepted and signed in. Nothing is switched by SQL. What follows
 * (the negotiation, final offers) is the test's own.
 *
 * @param lot       the lot (tender) id
 * @param members   the seated panel's usernames (the first acts for the panel)
 * @param suppliers each invited supplier's username → organisation id
 */
public record NegotiatingLot(String lot, List<String> members, Map<String, String> suppliers) {

    /** 2026-11-26 10:00 Beijing: three working days after {@link PlatformIT#START} (Monday), 74号令 Art. 29. */
    public static final Instant DEADLINE = Instant.parse("2026-11-26T02:00:00Z");

    /**
     * A goods lot of {@code procedure} (below the open-tender threshold: no method approval needed) whose invited
     * {@code suppliers} (usernames, at least the method's INVITED_MIN) responded at {@code prices} and were opened, with
     * a seated panel of five; the clock is then five minutes past the panel's start.
     */
    public static NegotiatingLot opened(PlatformIT it, ApplicationContext context, String procedure, String name,
            List<String> suppliers, List<String> prices) throws Exception {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        it.clock.set(PlatformIT.START);
        ApiClient api = new ApiClient(it.baseUrl());
        String agency = api.freshToken("agency");
        String purchaser = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        Map<String, Object> lotInput = Map.ofEntries(Map.entry("projectCode", Fixtures.projectCode()), Map.entry("name", name),
                Map.entry("category", "货物"), Map.entry("estimatedPrice", "300000.00"), Map.entry("deposit", "0.00"),
                Map.entry("qualification", "具备相应供货能力"), Map.entry("evaluationMethod", "LOWEST_EVALUATED_PRICE"),
                Map.entry("bidDeadline", DEADLINE.toString()), Map.entry("openingVenue", "第三开标室"), Map.entry("bidValidityDays", 60),
                Map.entry("documentsAvailableUntil", DEADLINE.toString()), Map.entry("notice", "谈判邀请书正文"));
        ApiClient.Response created = api.post("/api/v1/projects", ApiClient.json(Map.of("kind", "ZFCG", "procedureCode", procedure,
                "name", name, "budget", "300000.00", "category", "GOODS", "tendereeId", purchaser, "lots", List.of(lotInput))), agency);
        check(created, 201);
        check(api.post("/api/v1/projects/" + created.json().path("id").asString() + "/intention-exemption",
                ApiClient.json(Map.of("ground", "URGENT", "reason", "测试：因不可预见的原因急需采购（财库〔2020〕10号）")), agency), 200);
        String lot = created.json().path("lots").get(0).path("id").asString();
        it.invite(lot, suppliers.toArray(String[]::new));
        check(api.publish(lot, agency), 200);

        NewExperts experts = new NewExperts(context, PlatformIT.DATA);
        var institute = experts.organisation("云州谈判评审研究院" + UUID.randomUUID().toString().substring(0, 6));
        for (int i = 0; i < 4; i++) {
            experts.expert("A01", institute.id());
            experts.expert("A05", institute.id());
        }
        it.clock.advance(Duration.ofDays(1));
        for (int i = 0; i < suppliers.size(); i++) {
            if (!it.sealAndUpload(lot, suppliers.get(i), prices.get(i))) {
                throw new IllegalStateException(suppliers.get(i) + " could not upload its response");
            }
        }
        Instant start = DEADLINE.plus(Duration.ofHours(3));
        String venue = "云州市公共资源交易中心谈判室 " + UUID.randomUUID().toString().substring(0, 8);
        String draw = experts.requestDraw(api, lot, start, venue, 3, 2);
        it.clock.set(DEADLINE.plusSeconds(1));
        context.getBean(Tenders.class).closeDueTenders();
        it.releaseShare(lot, "centre");
        ApiClient.Response opened = it.releaseShare(lot, "supervisor");
        if (!"OPENED".equals(opened.json().path("status").asString())) {
            throw new IllegalStateException("responses not opened: " + opened);
        }
        Evaluations evaluations = context.getBean(Evaluations.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> evaluations.opened(UUID.fromString(lot)));
        List<String> members = experts.drawAndAccept(start, venue);
        experts.signIn(api, draw, members);
        Map<String, String> ids = new LinkedHashMap<>();
        for (String s : suppliers) {
            ids.put(s, jdbc.sql("SELECT organisation_id FROM account WHERE username = :u").param("u", s).query(String.class).single());
        }
        return new NegotiatingLot(lot, members, ids);
    }

    private static void check(ApiClient.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(response.status() + " " + response.body());
        }
    }
}
