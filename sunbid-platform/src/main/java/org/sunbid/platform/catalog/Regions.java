package org.sunbid.platform.catalog;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;

/**
 * The region tree (行政区划): its API for every other context. Regions are never moved or deleted once created,
 * because deals and accounts keep pointing at them; so a region's path is fixed and a subtree is a path prefix.
 */
@Service
public class Regions {

    private static final Pattern CODE = Pattern.compile("[0-9]{6}([0-9]{3}([0-9]{3})?)?");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;

    Regions(JdbcClient jdbc, Clock clock, AuditLog log) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
    }

    /** Adds a region under {@code parentCode} (null for a root). */
    @Transactional
    public Region create(String code, String name, RegionLevel level, String parentCode, Actor actor) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new DomainException(CatalogError.INVALID_REGION_CODE, String.valueOf(code));
        }
        String path;
        if (parentCode == null) {
            path = code + "/";
        } else {
            Region parent = get(parentCode);
            if (!parent.level().mayContain(level)) {
                throw new DomainException(CatalogError.INVALID_REGION_LEVEL, level, parent.level());
            }
            path = parent.path() + code + "/";
        }
        if (find(code).isPresent()) {
            throw new DomainException(CatalogError.DUPLICATE_REGION, code);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO region (code, name, level, parent_code, path, created_at, created_by, updated_at, updated_by)
                VALUES (:code, :name, :level, :parent, :path, :now, :actor, :now, :actor)""")
                .param("code", code).param("name", name).param("level", level.name()).param("parent", parentCode)
                .param("path", path).param("now", now).param("actor", actor.username())
                .update();
        java.util.Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("code", code);
        payload.put("name", name);
        payload.put("level", level.name());
        payload.put("parent", parentCode);
        log.record(AuditRecord.of("catalog.region.created", code, code, actor, payload));
        return new Region(code, name, level, parentCode, path);
    }

    public Optional<Region> find(String code) {
        return jdbc.sql("SELECT code, name, level, parent_code, path FROM region WHERE code = :code")
                .param("code", code).query(Regions::map).optional();
    }

    /** The region with {@code code}, or a REGION_NOT_FOUND refusal. */
    public Region get(String code) {
        return find(code).orElseThrow(() -> new DomainException(CatalogError.REGION_NOT_FOUND, String.valueOf(code)));
    }

    /** Every region, parents before children, siblings by code. */
    public List<Region> all() {
        return jdbc.sql("SELECT code, name, level, parent_code, path FROM region ORDER BY path").query(Regions::map).list();
    }

    /** {@code root} and every region inside it, parents before children. */
    public List<Region> subtree(String root) {
        Region region = get(root);
        return jdbc.sql("SELECT code, name, level, parent_code, path FROM region WHERE path LIKE :prefix ORDER BY path")
                .param("prefix", likePrefix(region.path())).query(Regions::map).list();
    }

    /** The codes of {@code root} and every region inside it. */
    public List<String> subtreeCodes(String root) {
        return subtree(root).stream().map(Region::code).toList();
    }

    /** Whether region {@code code} is {@code ancestor} or lies inside it. Unknown codes are inside nothing. */
    public boolean isWithin(String code, String ancestor) {
        Optional<Region> region = find(code);
        Optional<Region> outer = find(ancestor);
        return region.isPresent() && outer.isPresent() && outer.get().contains(region.get());
    }

    /** Number of regions; zero means a new, empty installation. */
    public long count() {
        return jdbc.sql("SELECT count(*) FROM region").query(Long.class).single();
    }

    private static String likePrefix(String path) {
        // Paths hold only digits and '/', so no LIKE wildcard can sneak in; escape anyway for safety.
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Region map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Region(rs.getString("code"), rs.getString("name"), RegionLevel.valueOf(rs.getString("level")),
                rs.getString("parent_code"), rs.getString("path"));
    }
}
