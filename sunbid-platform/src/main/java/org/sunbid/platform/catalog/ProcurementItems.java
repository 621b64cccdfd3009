package org.sunbid.platform.catalog;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;

/**
 * The 政府采购品目分类目录 (procurement item catalogue, 财库〔2022〕31号) as maintained data, for every context that
 * classifies a purchase: {@link #lookup} says whether a code is a 品目 — listed, or well formed under a listed item whose
 * children are not all listed (the table is a seed there) — and names the nearest listed item. Items are added, never
 * moved or deleted, because categories and deals keep pointing at them.
 */
@Service
public class ProcurementItems {

    private static final Pattern FORM = Pattern.compile("[ABC]([0-9]{2}){0,4}");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;

    ProcurementItems(JdbcClient jdbc, Clock clock, AuditLog log) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
    }

    /**
     * A 品目.
     *
     * @param code             A/B/C, then two digits per level (A02010104)
     * @param name             its name in the catalogue (台式计算机)
     * @param parentCode       the item it is under, null for A, B, C
     * @param childrenComplete whether every child of it is listed (then an unlisted code under it is no 品目)
     * @param verified         whether the row was checked against the published table (false: ⚠, from memory)
     * @param basis            where it comes from
     */
    public record ProcurementItem(String code, String name, String parentCode, boolean childrenComplete, boolean verified,
            String basis) {
    }

    /** What a code is. */
    public enum Standing {
        /** Listed. */
        LISTED,
        /** Not listed, but well formed under a listed item whose children are not all listed. */
        UNDER_LISTED,
        /** Well formed, but under a listed item whose children are all listed, none of them on its way: no 品目. */
        UNKNOWN,
        /** Not of the form A/B/C followed by one to four pairs of digits. */
        MALFORMED
    }

    /**
     * The answer of {@link #lookup}.
     *
     * @param code     the code asked (stripped)
     * @param standing what it is
     * @param nearest  the code itself if listed, else the nearest listed item above it (null if malformed)
     */
    public record Lookup(String code, Standing standing, ProcurementItem nearest) {

        /** Whether the code may be used as a 品目. */
        public boolean accepted() {
            return standing == Standing.LISTED || standing == Standing.UNDER_LISTED;
        }
    }

    /** What {@code code} is, against the listed items. */
    public Lookup lookup(String code) {
        return lookup(code, this::find);
    }

    /** The rule of {@link #lookup}, over any way of finding listed items (plain: tested without a database). */
    static Lookup lookup(String code, Function<String, Optional<ProcurementItem>> listed) {
        String c = code == null ? "" : code.strip();
        if (!FORM.matcher(c).matches()) {
            return new Lookup(c, Standing.MALFORMED, null);
        }
        Optional<ProcurementItem> self = listed.apply(c);
        if (self.isPresent()) {
            return new Lookup(c, Standing.LISTED, self.get());
        }
        for (int length = c.length() - 2; length >= 1; length -= 2) {
            Optional<ProcurementItem> up = listed.apply(c.substring(0, length));
            if (up.isPresent()) {
                return new Lookup(c, up.get().childrenComplete() ? Standing.UNKNOWN : Standing.UNDER_LISTED, up.get());
            }
        }
        // A, B and C are always listed (the migration seeds them); a database without them knows no 品目
        return new Lookup(c, Standing.UNKNOWN, null);
    }

    public Optional<ProcurementItem> find(String code) {
        return jdbc.sql("SELECT code, name, parent_code, children_complete, verified, basis FROM procurement_item WHERE code = :c")
                .param("c", code).query(ProcurementItems::map).optional();
    }

    /** Every listed item, parents before children (by code). */
    public List<ProcurementItem> all() {
        return jdbc.sql("SELECT code, name, parent_code, children_complete, verified, basis FROM procurement_item ORDER BY code")
                .query(ProcurementItems::map).list();
    }

    /**
     * Adds an item under its parent (the code minus its last two digits, which must be listed), as the published
     * catalogue has it; {@code verified} when checked against the published table. Refused: a malformed code
     * ({@code INVALID_ITEM_CODE}), an unlisted parent ({@code ITEM_PARENT_NOT_FOUND}), a listed one ({@code DUPLICATE_ITEM}).
     */
    @Transactional
    public ProcurementItem add(String code, String name, boolean verified, String basis, Actor actor) {
        String c = code == null ? "" : code.strip();
        if (!FORM.matcher(c).matches() || c.length() == 1 || name == null || name.isBlank() || basis == null || basis.isBlank()) {
            throw new DomainException(CatalogError.INVALID_ITEM_CODE, c);
        }
        String parent = c.substring(0, c.length() - 2);
        if (find(parent).isEmpty()) {
            throw new DomainException(CatalogError.ITEM_PARENT_NOT_FOUND, parent);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        try {
            jdbc.sql("""
                    INSERT INTO procurement_item (code, name, parent_code, verified, basis, created_by, created_at, changed_by, changed_at)
                    VALUES (:c, :n, :p, :v, :b, :by, :now, :by, :now)""")
                    .param("c", c).param("n", name.strip()).param("p", parent).param("v", verified).param("b", basis.strip())
                    .param("by", actor.username()).param("now", now).update();
        } catch (DuplicateKeyException e) {
            throw new DomainException(CatalogError.DUPLICATE_ITEM, c);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", c);
        payload.put("name", name.strip());
        payload.put("verified", verified);
        payload.put("basis", basis.strip());
        log.record(AuditRecord.of("catalog.procurement-item.added", c, "", actor, payload));
        return find(c).orElseThrow();
    }

    /** The names from the top down to {@code code}'s nearest listed item, e.g. 货物 › 设备 › 信息化设备. */
    public List<String> trail(String code) {
        List<String> names = new ArrayList<>();
        String c = code == null ? "" : code.strip();
        for (int length = 1; length <= c.length(); length += 2) {
            find(c.substring(0, length)).ifPresent(i -> names.add(i.name()));
        }
        return names;
    }

    private static ProcurementItem map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ProcurementItem(rs.getString("code"), rs.getString("name"), rs.getString("parent_code"),
                rs.getBoolean("children_complete"), rs.getBoolean("verified"), rs.getString("basis"));
    }
}
