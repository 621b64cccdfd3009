package org.sunbid.platform.evaluation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.Pem;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.LogEntry;
import org.sunbid.platform.evaluation.EvaluationStore.Loaded;
import org.sunbid.platform.experts.ExpertDraws;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.FileStore;
import org.sunbid.platform.parties.Certificates;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * The evaluation report (评标报告): the leader generates the PDF once the ranking stands (its SM3 in the log), every
 * member signs that SM3 with their certificate in force, and the last signature starts the candidates' publicity
 * (Reg. 54, {@link Awards}) and the draw record's publication. The PDF and the signatures are what
 * {@code sunbid-verifier verify-report} checks.
 */
@Component
class EvaluationReports {

    private final JdbcClient jdbc;
    private final Tenders tenders;
    private final ExpertDraws draws;
    private final Certificates certificates;
    private final FileStore files;
    private final ReportPdf reportPdf;
    private final Awards awards;
    private final EvaluationStore store;
    private final EvaluationQueries queries;
    private final AuditLog log;
    private final Clock clock;
    private final ProcurementRules procurement;

    EvaluationReports(JdbcClient jdbc, Tenders tenders, ExpertDraws draws, Certificates certificates, FileStore files,
            ReportPdf reportPdf, Awards awards, EvaluationStore store, EvaluationQueries queries, AuditLog log, Clock clock,
            ProcurementRules procurement) {
        this.procurement = procurement;
        this.jdbc = jdbc;
        this.tenders = tenders;
        this.draws = draws;
        this.certificates = certificates;
        this.files = files;
        this.reportPdf = reportPdf;
        this.awards = awards;
        this.store = store;
        this.queries = queries;
        this.log = log;
        this.clock = clock;
    }

    @Transactional
    public EvaluationView generate(UUID tenderId, CurrentUser user) {
        Loaded ev = store.lock(tenderId);
        String member = EvaluationStore.requireMember(ev, user);
        if (!member.equals(ev.leader())) {
            throw new DomainException(EvaluationError.NOT_THE_LEADER);
        }
        EvaluationStore.requireStage(ev, Stage.RANKED);
        Instant now = clock.instant();
        byte[] pdf = reportPdf.render(content(ev, now));
        FileStore.Stored stored;
        try (FileStore.Upload upload = files.store(new ByteArrayInputStream(pdf), pdf.length + 1L)) {
            stored = upload.stored();
            files.reference(stored.sm3(), "evaluation.report:" + tenderId); // in this transaction
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LogEntry entry = log.append(AuditRecord.of("evaluation.report.generated", tenderId.toString(), ev.region(), user.actor(),
                Map.of("tenderId", tenderId.toString(), "reportSm3", stored.sm3(), "bytes", stored.size(),
                        "signers", (long) ev.members().size())));
        jdbc.sql("""
                UPDATE evaluation SET report_sm3 = :s, report_seq = :seq, report_at = :at WHERE tender_id = :t""")
                .param("s", stored.sm3()).param("seq", entry.seq()).param("at", EvaluationStore.utc(now)).param("t", tenderId).update();
        StageStore.advance(jdbc, tenderId, ev.stage(), Stage.REPORTED);
        return queries.view(tenderId, user);
    }

    private ReportPdf.Content content(Loaded ev, Instant at) {
        TenderView tender = tenders.findPublished(ev.tenderId()).orElseThrow();
        List<ReportPdf.Person> members = new ArrayList<>();
        jdbc.sql("SELECT username, name, specialty FROM evaluation_member WHERE tender_id = :t ORDER BY position")
                .param("t", ev.tenderId())
                .query((rs, i) -> members.add(new ReportPdf.Person(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(1).equals(ev.leader())))).list();
        Map<String, Map<String, Map<String, BigDecimal>>> sheets = ev.plan().lowestEvaluatedPrice() ? Map.of()
                : store.sheets(ev.tenderId());
        return new ReportPdf.Content(title(ev.tenderId(), at), tender.terms().projectCode(), tender.terms().name(),
                ev.plan().lowestEvaluatedPrice(), at, members, ev.plan(), ev.planJson(), ev.k(), ev.bids(),
                store.readList(ev.qualificationJson()), ev.priceScores(), sheets, store.readMap(ev.rankingJson()));
    }

    /**
     * The report's title, by the lot's rules (never the procedure's name): a negotiation with a single supplier
     * (OPENING_MIN = 1 and NEGOTIATION_ROUNDS: 单一来源, 74号令 Art. 42) signs its negotiation minutes (谈判纪要) — one
     * supplier, the agreed price, every member; the other non-tender methods (rounds or the lowest price only: 74号令
     * Art. 34/50, 214号 Art. 26) a review report (评审报告); a tender its 评标报告.
     */
    private String title(UUID tenderId, Instant at) {
        return procurement.at(tenderId, at).map(gp -> {
            boolean single = gp.rules().find(org.sunbid.platform.deals.domain.RuleKeys.OPENING_MIN).map(l -> l.whole() == 1)
                    .orElse(false);
            if (gp.rounds() && single) {
                return ReportPdf.MINUTES;
            }
            return gp.rounds() || gp.lowestPriceOnly() ? ReportPdf.REVIEW_REPORT : ReportPdf.TENDER_REPORT;
        }).orElse(ReportPdf.TENDER_REPORT);
    }

    byte[] pdf(UUID tenderId, CurrentUser user) {
        Loaded ev = readable(tenderId, user);
        try {
            return Files.readAllBytes(files.find(ev.reportSm3()).orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report with its access rule: the committee, owners, the region's staff and supervisors; all from the publicity. */
    private Loaded readable(UUID tenderId, CurrentUser user) {
        Loaded ev = store.find(tenderId).orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
        boolean public_ = store.isPublic(ev);
        boolean insider = user != null && (ev.members().contains(user.username()) || tenders.mayInspect(ev.tenderId(), user));
        if (ev.reportSm3() == null || !(public_ || insider)) {
            throw new DomainException(EvaluationError.EVALUATION_NOT_FOUND);
        }
        return ev;
    }

    @Transactional
    public EvaluationView sign(UUID tenderId, String signature, CurrentUser user) {
        Loaded ev = store.lock(tenderId);
        String member = EvaluationStore.requireMember(ev, user);
        EvaluationStore.requireStage(ev, Stage.REPORTED);
        if (jdbc.sql("SELECT COUNT(*) FROM evaluation_report_signature WHERE tender_id = :t AND member = :m")
                .param("t", tenderId).param("m", member).query(Long.class).single() > 0) {
            return queries.view(tenderId, user);
        }
        String text = Evaluations.reportChallenge(tenderId, ev.reportSm3());
        X509Certificate certificate = certificates.signedByAccount(user.accountId(), text, signature)
                .orElseThrow(() -> new DomainException(EvaluationError.REPORT_SIGNATURE_INVALID));
        String pem = Pem.encode(certificate);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", tenderId.toString());
        payload.put("reportSm3", ev.reportSm3());
        payload.put("member", member);
        payload.put("name", store.nameOf(tenderId, member));
        payload.put("text", text);
        payload.put("signature", signature.strip());
        payload.put("certificatePem", pem);
        LogEntry entry = log.append(AuditRecord.of("evaluation.report.signed", tenderId.toString(), ev.region(), user.actor(), payload));
        jdbc.sql("""
                INSERT INTO evaluation_report_signature (tender_id, member, certificate_pem, signature, signed_at, log_seq)
                VALUES (:t, :m, :c, :s, :at, :seq)""")
                .param("t", tenderId).param("m", member).param("c", pem).param("s", signature.strip())
                .param("at", EvaluationStore.utc(clock.instant())).param("seq", entry.seq()).update();
        long signed = jdbc.sql("SELECT COUNT(*) FROM evaluation_report_signature WHERE tender_id = :t").param("t", tenderId)
                .query(Long.class).single();
        if (signed == ev.members().size()) {
            awards.reportSigned(tenderId, ev.region(), ev.stage(), store.readMap(ev.rankingJson()));
            draws.publishAfterEvaluation(ev.drawId());
        }
        return queries.view(tenderId, user);
    }

    Map<String, Object> signatures(UUID tenderId, CurrentUser user) {
        Loaded ev = readable(tenderId, user);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tenderId", tenderId.toString());
        out.put("reportSm3", ev.reportSm3());
        out.put("reportSeq", ev.reportSeq());
        out.put("members", ev.members().size());
        out.put("signatures", jdbc.sql("""
                SELECT s.member, m.name, s.certificate_pem, s.signature, s.signed_at, s.log_seq FROM evaluation_report_signature s
                JOIN evaluation_member m ON m.tender_id = s.tender_id AND m.username = s.member
                WHERE s.tender_id = :t ORDER BY m.position""").param("t", tenderId)
                .query((rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("member", rs.getString(1));
                    m.put("name", rs.getString(2));
                    m.put("certificatePem", rs.getString(3));
                    m.put("signature", rs.getString(4));
                    m.put("text", Evaluations.reportChallenge(tenderId, ev.reportSm3()));
                    m.put("signedAt", rs.getObject(5, OffsetDateTime.class).toInstant().toString());
                    m.put("logSeq", rs.getLong(6));
                    return m;
                }).list());
        return out;
    }
}
