package org.sunbid.platform.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.supervision.warnings.WarningFilter;
import org.sunbid.platform.supervision.warnings.WarningQueue;
import org.sunbid.platform.supervision.warnings.WarningStatus;
import org.sunbid.platform.supervision.warnings.WarningSweep;
import org.sunbid.platform.supervision.warnings.WarningView;

import tools.jackson.databind.JsonNode;

/**
 * The sweep brings the flags that exist today into the warning queue, once: supervision's own flags (the demo's
 * overdue off-platform report and its split purchase) and the flags other contexts log for the supervisor (the demo's
 * deposit paid from a trading company's account), each with its evidence and log entry; a sweep that runs again raises
 * nothing and logs nothing; a new flag is brought in by the next sweep. The demo's queue holds warnings in several
 * states.
 */
class WarningSweepIT extends PlatformIT {

    @Autowired WarningSweep sweep;
    @Autowired WarningQueue queue;
    @Autowired OffPlatformDeals deals;
    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired org.sunbid.platform.catalog.Regions regions;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
        WarningRegions.ensure(regions, organisations, accounts);
        clock.set(START);
    }

    private long warningRows() {
        return jdbc.sql("SELECT count(*) FROM supervision_warning").query(Long.class).single();
    }

    @Test
    void everyFlagOfTodayIsAWarningOnceAndASecondSweepRaisesNothing() {
        sweep.sweep();
        long rows = warningRows();
        long log = auditLog.size();
        assertThat(sweep.sweep()).isZero();
        assertThat(warningRows()).isEqualTo(rows);
        assertThat(auditLog.size()).isEqualTo(log);

        // supervision's own flags: each one's warning, with its page as evidence
        for (SupervisionFlag f : deals.allFlags()) {
            WarningView w = queue.find("catalogue", f.kind() + "|" + f.link()).orElseThrow(() -> new AssertionError(f));
            assertThat(w.regionCode()).isEqualTo(f.regionCode());
            assertThat(w.evidence()).anySatisfy(e -> assertThat(e.link()).isEqualTo(f.link()));
        }
        // the demo's deposit paid from a trading company's account (Reg. 26), as the log flagged it
        // (other tests' deposits may be flagged after it: each flag has its warning, and the demo's is among them)
        var depositFlags = auditLog.withActions(List.of("payments.deposit.not-basic-account"), List.of("990100"), 1000);
        assertThat(depositFlags).isNotEmpty();
        for (var flag : depositFlags) {
            WarningView w = queue.find("deposit", "payments.deposit.not-basic-account|" + flag.seq()).orElseThrow(() -> new AssertionError(flag));
            assertThat(w.logEntries()).containsExactly(flag.seq());
            assertThat(w.lotId()).isNotNull();
        }
        WarningView deposit = depositFlags.stream()
                .map(flag -> queue.find("deposit", "payments.deposit.not-basic-account|" + flag.seq()).orElseThrow())
                .filter(w -> w.title().contains("YZ-2026-GC-0090")).findFirst().orElseThrow();
        assertThat(deposit.evidence()).anySatisfy(e -> assertThat(e.value()).isEqualTo("松源市政工程有限公司")); // bidder4
    }

    @Test
    void aNewFlagIsBroughtInByTheNextSweepOnlyAndSeenOnlyInItsCounty() {
        sweep.sweep();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        String code = "QS-W-" + System.nanoTime() % 1_000_000;
        OffPlatformDealView late = deals.declare(new OffPlatformDeals.Declaration(DealKind.GCJS, Category.WORKS, null, code,
                "监督测试甲县预警测试工程", WarningRegions.COUNTY, new BigDecimal("300000.00"), today.minusDays(40), null), null,
                accounts.findByUsername("tenderee2").orElseThrow());
        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(sweep.sweep()).isZero();
        WarningView w = queue.find("catalogue", "offplatform-overdue|/workbench/supervision/off-platform/" + late.id()).orElseThrow();
        assertThat(w.status()).isEqualTo(WarningStatus.OPEN);
        assertThat(w.title()).contains(code);
        String body = api.get("/api/v1/supervision/warnings?source=catalogue", api.token(WarningRegions.QINGSHAN)).body();
        assertThat(body).contains(w.id().toString());
        assertThat(api.get("/api/v1/supervision/warnings?source=catalogue", api.token(WarningRegions.LINJIANG)).body())
                .doesNotContain(w.id().toString());
    }

    @Test
    void theDemoQueueHoldsWarningsInSeveralStates() {
        List<WarningView> all = queue.queue(accounts.findByUsername("supervisor").orElseThrow(), WarningFilter.ALL, 1000);
        assertThat(all).extracting(WarningView::status)
                .contains(WarningStatus.INVESTIGATING, WarningStatus.CORRECTING, WarningStatus.CLOSED);
        JsonNode closed = api.get("/api/v1/supervision/warnings?status=CLOSED&source=deposit", api.token("supervisor")).json();
        assertThat(closed).anySatisfy(w -> assertThat(w.path("decision").asString()).isEqualTo("DISMISSED"));
    }
}
