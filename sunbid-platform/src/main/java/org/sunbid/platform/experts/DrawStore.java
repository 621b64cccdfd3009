package org.sunbid.platform.experts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.platform.experts.ExpertDraws.SpecialtyCount;
import org.sunbid.platform.kernel.DomainException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The draws' rows ({@code expert_draw}, {@code expert_draw_contact}) and the keyed indexes under which a sealed expert
 * and a reply code are found. Every draw service reads and locks a draw here; the state changes stay with the service
 * whose step it is.
 */
@Repository
class DrawStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final DrawVault vault;

    DrawStore(JdbcClient jdbc, DrawVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /** A draw as stored. */
    record Row(UUID id, UUID tenderId, UUID tendereeId, String regionCode, Instant evaluationStart, String venue,
            Instant drawAt, int representatives, List<SpecialtyCount> specialties, List<String> poolRegions,
            List<String> manual, DrawStatus status, String shortfall, byte[] secretSealed, String secretHash,
            Long commitmentSeq, List<DrawWalk.Specialty> pool, String avoidedJson, String poolHash, Long poolSeq,
            Long headSize, String headRoot, Instant headTimestamp, String headSignature, Long publishedSeq,
            Long revealedSeq) {
    }

    /** One expert contacted by a draw: who it is stays sealed ({@code expertSealed}) until the sign-in. */
    record ContactRow(UUID id, int position, String specialty, byte[] expertSealed, String expertIndex,
            String replyIndex, DrawWalk.Outcome outcome, Instant answerDue, Instant signedInAt, UUID revealedExpertId) {
    }

    private static final String SELECT_DRAW = """
            SELECT id, tender_id, tenderee_id, region_code, evaluation_start, evaluation_venue, draw_at, representatives,
                specialties, pool_regions, manual_avoidance, status, shortfall, secret_sealed, secret_hash, commitment_seq,
                pool_json, avoided_json, pool_hash, pool_seq, head_size, head_root, head_timestamp, head_signature,
                published_seq, revealed_seq
            FROM expert_draw WHERE id = :id""";

    Optional<Row> find(UUID id) {
        return jdbc.sql(SELECT_DRAW).param("id", id).query(this::row).optional();
    }

    /** The draw, locked for the rest of the transaction; DRAW_NOT_FOUND if there is none. */
    Row lock(UUID id) {
        return jdbc.sql(SELECT_DRAW + " FOR UPDATE").param("id", id).query(this::row).optional()
                .orElseThrow(() -> new DomainException(ExpertsError.DRAW_NOT_FOUND, id));
    }

    Row get(UUID id) {
        return find(id).orElseThrow(() -> new DomainException(ExpertsError.DRAW_NOT_FOUND, id));
    }

    private Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        List<SpecialtyCount> specialties = new ArrayList<>();
        for (Object o : readJson(rs.getString("specialties"))) {
            Map<?, ?> m = (Map<?, ?>) o;
            specialties.add(new SpecialtyCount((String) m.get("code"), ((Number) m.get("count")).intValue()));
        }
        List<DrawWalk.Specialty> pool = null;
        String poolJson = rs.getString("pool_json");
        if (poolJson != null) {
            pool = new ArrayList<>();
            for (Object o : readJson(poolJson)) {
                Map<?, ?> m = (Map<?, ?>) o;
                pool.add(new DrawWalk.Specialty((String) m.get("code"), ((Number) m.get("count")).intValue(),
                        ((List<?>) m.get("pool")).stream().map(String::valueOf).toList()));
            }
        }
        OffsetDateTime headTs = rs.getObject("head_timestamp", OffsetDateTime.class);
        return new Row(rs.getObject("id", UUID.class), rs.getObject("tender_id", UUID.class),
                rs.getObject("tenderee_id", UUID.class), rs.getString("region_code"),
                rs.getObject("evaluation_start", OffsetDateTime.class).toInstant(), rs.getString("evaluation_venue"),
                rs.getObject("draw_at", OffsetDateTime.class).toInstant(), rs.getInt("representatives"), specialties,
                readJson(rs.getString("pool_regions")).stream().map(String::valueOf).toList(),
                readJson(rs.getString("manual_avoidance")).stream().map(String::valueOf).toList(),
                DrawStatus.valueOf(rs.getString("status")), rs.getString("shortfall"), rs.getBytes("secret_sealed"),
                rs.getString("secret_hash"), (Long) rs.getObject("commitment_seq"), pool, rs.getString("avoided_json"),
                rs.getString("pool_hash"), (Long) rs.getObject("pool_seq"), (Long) rs.getObject("head_size"),
                rs.getString("head_root"), headTs == null ? null : headTs.toInstant(), rs.getString("head_signature"),
                (Long) rs.getObject("published_seq"), (Long) rs.getObject("revealed_seq"));
    }

    /** The draw's contacts in the order they were made. */
    List<ContactRow> contacts(UUID drawId) {
        return jdbc.sql("""
                SELECT id, position, specialty_code, expert_sealed, expert_index, reply_index, outcome, answer_due,
                    signed_in_at, revealed_expert_id
                FROM expert_draw_contact WHERE draw_id = :d ORDER BY position""")
                .param("d", drawId)
                .query((rs, i) -> {
                    OffsetDateTime signed = rs.getObject("signed_in_at", OffsetDateTime.class);
                    return new ContactRow(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("specialty_code"),
                            rs.getBytes("expert_sealed"), rs.getString("expert_index"), rs.getString("reply_index"),
                            DrawWalk.Outcome.valueOf(rs.getString("outcome")),
                            rs.getObject("answer_due", OffsetDateTime.class).toInstant(),
                            signed == null ? null : signed.toInstant(), rs.getObject("revealed_expert_id", UUID.class));
                }).list();
    }

    /** The draw a reply index belongs to, if any. */
    Optional<UUID> drawOfReply(String replyIndex) {
        return jdbc.sql("SELECT draw_id FROM expert_draw_contact WHERE reply_index = :r")
                .param("r", replyIndex).query(UUID.class).optional();
    }

    /** Marks a draw SHORT with the shortfall named (the caller logs it). */
    void markShort(UUID drawId, String message) {
        jdbc.sql("UPDATE expert_draw SET status = 'SHORT', shortfall = :m, version = version + 1 WHERE id = :id")
                .param("m", message).param("id", drawId).update();
    }

    /** The keyed index of a reply code sent to a number: a code is only ever valid from the number it was sent to. */
    String replyIndex(String phone, String code) {
        return vault.index("reply:" + phone + ":" + code);
    }

    /** The keyed index under which an expert's contacts are found (who they are stays sealed). */
    String expertIndex(UUID expertId) {
        return vault.index("expert:" + expertId);
    }

    /** Who a contact is (opens the sealed expert). */
    UUID expertOf(UUID drawId, ContactRow c) {
        return UUID.fromString(new String(vault.open(c.expertSealed(), "contact:" + drawId), StandardCharsets.UTF_8));
    }

    static List<Object> specialtiesJson(List<SpecialtyCount> specialties) {
        List<Object> out = new ArrayList<>();
        for (SpecialtyCount s : specialties) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", s.code());
            m.put("count", (long) s.count());
            out.add(m);
        }
        return out;
    }

    static List<Object> poolJson(List<DrawWalk.Specialty> specialties) {
        List<Object> out = new ArrayList<>();
        for (DrawWalk.Specialty s : specialties) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", s.code());
            m.put("count", (long) s.count());
            m.put("pool", List.copyOf(s.pool()));
            out.add(m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Object> readJson(String json) {
        return json == null ? List.of() : JSON.readValue(json, List.class);
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
