package org.sunbid.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.NewExperts;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;

/**
 * Issue 20 S: the platform's own decisions make credit records through {@link CreditRecords#record} from the deciding
 * context, once each. (Supervision's sanctions: {@code WarningQueueIT.reg67_…}; repeat unfounded complaints:
 * {@code ComplaintsIT.gpl94_art37_…}; external lists: {@code CreditListImportIT}.)
 */
class CreditSourcesIT extends PlatformIT {

    @Autowired ApplicationContext context;
    @Autowired CreditRecords records;
    @Autowired CreditChecks checks;
    @Autowired AuditLog log;

    @Test
    void reg71_aBlacklistedExpertIsBarredFromTheDrawByARecordNotPublished() {
        NewExperts experts = new NewExperts(context, DATA);
        String expertId = experts.expert("A01", experts.organisation("信用来源测试设计院").id());
        CreditSubject subject = CreditSubject.expert(UUID.fromString(expertId));
        ApiClient api = new ApiClient(baseUrl());
        ApiClient.Response blacklisted = api.post("/api/v1/experts/" + expertId + "/status", ApiClient.json(Map.of(
                "status", "BLACKLISTED", "reason", "评标期间私下接触投标人，情节特别严重")), api.freshToken("supervisor"));
        assertThat(blacklisted.status()).as(blacklisted.body()).isEqualTo(200);
        assertThat(records.of(subject)).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("platform");
            assertThat(r.sourceRef()).isEqualTo("experts.blacklisted:" + expertId);
            assertThat(r.creditClass()).isEqualTo(CreditClass.SERIOUS);
            assertThat(r.legalBasis()).contains("第七十一条");
            assertThat(r.conduct()).contains("私下接触投标人");
            assertThat(r.gates()).containsExactly(Gate.EXPERT_DRAW);
            assertThat(r.restrictionUntil()).isNull(); // 取消资格: without end
            assertThat(r.publishedAt(clock.instant())).isFalse(); // a natural person: not published
        });
        assertThat(checks.check(Gate.EXPERT_DRAW, subject, clock.instant()).barred()).isTrue();
        assertThat(checks.check(Gate.BIDDING, subject, clock.instant()).barred()).isFalse();
        // blacklisting is final: asked again, refused, and nothing more recorded or logged
        long logSize = log.size();
        assertThat(api.post("/api/v1/experts/" + expertId + "/status", ApiClient.json(Map.of("status", "BLACKLISTED",
                "reason", "再次")), api.freshToken("supervisor")).status()).isEqualTo(409);
        assertThat(records.of(subject)).hasSize(1);
        assertThat(log.size()).isEqualTo(logSize);
    }
}
