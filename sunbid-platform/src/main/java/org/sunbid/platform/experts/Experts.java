package org.sunbid.platform.experts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.kernel.Actor;

/** The expert database's API: profiles by account, counts by specialty. */
@Service
public class Experts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;

    Experts(JdbcClient jdbc, Clock clock, AuditLog log) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
    }

    /** An expert's profile. */
    public record ExpertProfile(UUID id, UUID accountId, UUID employerId, String regionCode, String title, String status,
            List<String> specialties) {
    }

    /** A specialty of the taxonomy with how many active experts hold it. */
    public record SpecialtyCount(String code, String name, long experts) {
    }

    /** Adds an active expert (entry review comes with the expert-database issue). */
    @Transactional
    public UUID register(UUID accountId, UUID employerId, String regionCode, String title, List<String> specialties,
            Actor actor) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO expert (id, account_id, employer_id, region_code, title, status, created_at, created_by, updated_at, updated_by)
                VALUES (:id, :account, :employer, :region, :title, 'ACTIVE', :now, :actor, :now, :actor)""")
                .param("id", id).param("account", accountId).param("employer", employerId).param("region", regionCode)
                .param("title", title).param("now", now).param("actor", actor.username()).update();
        for (String code : specialties) {
            jdbc.sql("INSERT INTO expert_specialty (expert_id, specialty_code) VALUES (:id, :code)")
                    .param("id", id).param("code", code).update();
        }
        log.append(AuditRecord.of("experts.expert.registered", id.toString(), regionCode, actor, java.util.Map.of(
                "accountId", accountId.toString(), "employerId", employerId.toString(), "title", title,
                "specialties", List.copyOf(specialties))));
        return id;
    }

    /** The profile of the expert who logs in as {@code accountId}. */
    public Optional<ExpertProfile> ofAccount(UUID accountId) {
        return jdbc.sql("SELECT id, account_id, employer_id, region_code, title, status FROM expert WHERE account_id = :a")
                .param("a", accountId)
                .query((rs, i) -> new ExpertProfile(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                        rs.getObject("employer_id", UUID.class), rs.getString("region_code"), rs.getString("title"),
                        rs.getString("status"), List.of()))
                .optional()
                .map(p -> new ExpertProfile(p.id(), p.accountId(), p.employerId(), p.regionCode(), p.title(), p.status(),
                        jdbc.sql("""
                                SELECT s.name FROM expert_specialty e JOIN specialty s ON s.code = e.specialty_code
                                WHERE e.expert_id = :id ORDER BY s.code""").param("id", p.id()).query(String.class).list()));
    }

    /** Active experts per leaf specialty: public statistics. */
    public List<SpecialtyCount> countsBySpecialty() {
        return jdbc.sql("""
                SELECT s.code, s.name, count(x.id) AS n FROM specialty s
                LEFT JOIN expert_specialty e ON e.specialty_code = s.code
                LEFT JOIN expert x ON x.id = e.expert_id AND x.status = 'ACTIVE'
                WHERE s.parent_code IS NOT NULL GROUP BY s.code, s.name ORDER BY s.code""")
                .query((rs, i) -> new SpecialtyCount(rs.getString("code"), rs.getString("name"), rs.getLong("n"))).list();
    }

    public long countActive() {
        return jdbc.sql("SELECT count(*) FROM expert WHERE status = 'ACTIVE'").query(Long.class).single();
    }
}
