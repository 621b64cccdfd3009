package org.sunbid.platform.tendering;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.catalog.RegionLevel;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;

/**
 * A county of the demo's city whose rule requires tender documents to be filed with the supervisor before publication
 * (招标文件备案), made once per test run through the platform's own APIs, so that no demo tender or other test is
 * touched: 备案县 (990124, 5 工作日, every procedure), its townships 备案镇 (990124100, inheriting the county's rule) and
 * 急审镇 (990124101, its own rule: 1 日), a tenderee in each township with its own account and certificate, and a
 * supervision department of 临江县 (990122) with its supervisor, for whom these drafts are out of scope. The county has
 * no supervision department of its own: its filings go to the city's (the demo's {@code supervisor}).
 */
public final class FilingRegion {

    public static final String COUNTY = "990124";
    public static final String TOWNSHIP = "990124100";
    public static final String URGENT_TOWNSHIP = "990124101";
    public static final String BASIS = "《示范省招标投标监督管理办法》第十二条";
    public static final String TENDEREE = "filing-tenderee";
    public static final String URGENT_TENDEREE = "filing-tenderee2";
    public static final String OTHER_SUPERVISOR = "lj-supervisor";
    public static final String TENDEREE_NAME = "备案镇城乡建设发展有限公司";
    public static final String URGENT_TENDEREE_NAME = "急审镇城乡建设发展有限公司";

    private FilingRegion() {
    }

    /** Makes the region once (later calls find it made). */
    public static synchronized void ensure(ApiClient api, Regions regions, Organisations organisations, Accounts accounts,
            Instant now) {
        if (regions.find(COUNTY).isPresent()) {
            return;
        }
        regions.create(COUNTY, "备案县", RegionLevel.COUNTY, "990100", Actor.SYSTEM);
        regions.create(TOWNSHIP, "备案镇", RegionLevel.TOWNSHIP, COUNTY, Actor.SYSTEM);
        regions.create(URGENT_TOWNSHIP, "急审镇", RegionLevel.TOWNSHIP, COUNTY, Actor.SYSTEM);
        rule(api, COUNTY, 5, "WORKING_DAY");
        rule(api, URGENT_TOWNSHIP, 1, "DAY");
        tenderee(api, organisations, accounts, TOWNSHIP, TENDEREE_NAME, TENDEREE, now);
        tenderee(api, organisations, accounts, URGENT_TOWNSHIP, URGENT_TENDEREE_NAME, URGENT_TENDEREE, now);
        UUID department = organisations.register(new Organisations.Registration(Fixtures.freshCreditCode("990122"),
                "临江县住房和城乡建设局", OrganisationKind.SUPERVISION_DEPARTMENT, "990122"), Actor.SYSTEM).id();
        accounts.create(new Accounts.NewAccount(OTHER_SUPERVISOR, "临江监督员", PlatformIT.PASSWORD, Role.SUPERVISOR, department,
                "990122"), Actor.SYSTEM);
    }

    private static void rule(ApiClient api, String region, int amount, String unit) {
        ApiClient.Response set = api.post("/api/v1/filing-rules", ApiClient.json(Map.of("regionCode", region, "appliesTo", "*",
                "required", true, "reviewAmount", amount, "reviewUnit", unit, "basis", BASIS, "effectiveFrom", "2020-01-01")),
                api.token("admin"));
        if (set.status() != 204) {
            throw new IllegalStateException("filing rule not set: " + set);
        }
    }

    private static void tenderee(ApiClient api, Organisations organisations, Accounts accounts, String region, String name,
            String username, Instant now) {
        String code = Fixtures.freshCreditCode(region.substring(0, 6));
        UUID id = organisations.register(new Organisations.Registration(code, name, OrganisationKind.TENDEREE, region),
                Actor.SYSTEM).id();
        accounts.create(new Accounts.NewAccount(username, name + "经办人", PlatformIT.PASSWORD, Role.TENDEREE, id, region),
                Actor.SYSTEM);
        // the tenderee holds a share of the opening key, so it registers its own certificate (as every custodian does)
        ApiClient.Response cert = api.post("/api/v1/organisations/" + id + "/certificates",
                Fixtures.externalCertificateJson(code, now), api.token(username));
        if (cert.status() != 201) {
            throw new IllegalStateException("certificate not registered: " + cert);
        }
    }

    /** A draft the tenderee {@code username} makes itself, with one tender document; its id. */
    public static String draftWithDocument(ApiClient api, String username, UUID tendereeId, Instant now) {
        ApiClient.Response created = api.post("/api/v1/tenders", Fixtures.tenderJson(now, Fixtures.projectCode(),
                Duration.ofDays(25), "500000", tendereeId.toString()), api.token(username));
        if (created.status() != 201) {
            throw new IllegalStateException("draft not created: " + created);
        }
        String id = created.json().path("id").asString();
        if (api.uploadDocument(id, api.token(username)).status() != 201) {
            throw new IllegalStateException("document not uploaded");
        }
        return id;
    }
}
