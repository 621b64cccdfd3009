package org.sunbid.platform.experts;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Certificates;

/**
 * The expert database as the draw sees it: the drawable specialties, the candidates of a pool with what the
 * avoidance rules need, an expert's phone for the call, the manual avoidance list's names, and the certificate check
 * at the sign-in.
 */
@Component
class ExpertPool {

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Accounts accounts;
    private final Certificates certificates;
    private final ExpertFiles files;

    ExpertPool(JdbcClient jdbc, Regions regions, Accounts accounts, Certificates certificates, ExpertFiles files) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.accounts = accounts;
        this.certificates = certificates;
        this.files = files;
    }

    Set<String> leafSpecialtyCodes() {
        return Set.copyOf(jdbc.sql("SELECT code FROM specialty WHERE parent_code IS NOT NULL").query(String.class).list());
    }

    Map<String, String> specialtyNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("SELECT code, name FROM specialty").query((rs, i) -> names.put(rs.getString(1), rs.getString(2))).list();
        return names;
    }

    /** Experts matching an id or, failing that, an exact name. */
    List<UUID> idsByIdOrName(String idOrName) {
        try {
            UUID id = UUID.fromString(idOrName);
            return files.profile(id).map(p -> List.of(p.id())).orElse(List.of());
        } catch (IllegalArgumentException e) {
            List<UUID> named = accounts.idsByDisplayName(idOrName);
            return named.isEmpty() ? List.of() : jdbc.sql("SELECT id FROM expert WHERE account_id IN (:a) ORDER BY id")
                    .param("a", named).query(UUID.class).list();
        }
    }

    /**
     * Every expert holding one of {@code codes} whose region lies in one of {@code poolRegions}' subtrees, with
     * what the avoidance rules need (sittings are the draw's to count).
     */
    List<Eligibility.Candidate> candidates(List<String> codes, List<String> poolRegions, Instant start) {
        Map<UUID, Set<String>> specialties = new HashMap<>();
        jdbc.sql("SELECT expert_id, specialty_code FROM expert_specialty WHERE specialty_code IN (:codes)")
                .param("codes", codes)
                .query((rs, i) -> specialties.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                        .add(rs.getString(2))).list();
        Map<UUID, List<Eligibility.Leave>> leave = new HashMap<>();
        jdbc.sql("SELECT expert_id, starts_at, ends_at FROM expert_leave WHERE ends_at > :start AND starts_at <= :start")
                .param("start", utc(start))
                .query((rs, i) -> leave.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Eligibility.Leave(rs.getObject(2, OffsetDateTime.class).toInstant(),
                                rs.getObject(3, OffsetDateTime.class).toInstant()))).list();
        List<Eligibility.Candidate> out = new ArrayList<>();
        jdbc.sql("SELECT id, employer_id, status, phone, region_code FROM expert ORDER BY id")
                .query((rs, i) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    String region = rs.getString(5);
                    if (specialties.containsKey(id) && poolRegions.stream().anyMatch(r -> regions.isWithin(region, r))) {
                        out.add(new Eligibility.Candidate(id, rs.getObject(2, UUID.class),
                                ExpertStatus.valueOf(rs.getString(3)), rs.getString(4) != null,
                                Set.copyOf(specialties.get(id)), leave.getOrDefault(id, List.of()), 0, 0));
                    }
                    return null;
                }).list();
        return out;
    }

    String phoneOf(UUID expertId) {
        return jdbc.sql("SELECT phone FROM expert WHERE id = :id").param("id", expertId).query(String.class).single();
    }

    Experts.Person person(UUID expertId) {
        return files.profile(expertId).map(p -> new Experts.Person(p.name(), p.employer())).orElseThrow();
    }

    /** The expert's certificate in force when {@code signature} is theirs over {@code text}. */
    Optional<X509Certificate> signedByAccount(UUID accountId, String text, String signature) {
        return certificates.signedByAccount(accountId, text, signature);
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
