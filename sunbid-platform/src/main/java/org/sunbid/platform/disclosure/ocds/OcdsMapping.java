package org.sunbid.platform.disclosure.ocds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A trading project (交易项目) as an OCDS 1.1 contracting process: plain Java from the public facts the owning contexts
 * give ({@link Facts}), no Spring, no clock. One release per public event of each lot, its id made of the ocid, the
 * lot number and the event (so the same facts always give the same releases, byte for byte):
 * <ul>
 *   <li>{@code <ocid>-<n>-tender}: the lot's notice published ({@code tender} for the project's first lot,
 *       {@code tenderUpdate} for later ones);</li>
 *   <li>{@code <ocid>-<n>-amendment-<id>}: a clarification or amendment (澄清/修改, {@code tenderAmendment});</li>
 *   <li>{@code <ocid>-<n>-bids}: the bids as the signed opening record lists them, only once opened (bid extension:
 *       {@code bids.details} with tenderers, value and status; {@code tenderUpdate}); or {@code <ocid>-<n>-failed}: the
 *       opening failed for too few bids;</li>
 *   <li>{@code <ocid>-<n>-candidates}, {@code -award}, {@code -contract}: the candidates' publicity (award pending), the
 *       award (active) and the signed contract;</li>
 *   <li>{@code <ocid>-<n>-auction}: a land, mining or property lot's result (成交: award active; 流拍: unsuccessful);</li>
 *   <li>{@code <ocid>-<n>-cancelled}: the lot's procedure terminated (终止, {@code tenderCancellation}).</li>
 * </ul>
 * Parties are identified by their 统一社会信用代码 (scheme {@link #SCHEME}); amounts in CNY; dates with the +08:00 offset;
 * language zh. Only facts the portal already shows an anonymous visitor reach {@link Facts}: the caller's job.
 */
final class OcdsMapping {

    /**
     * The ocid prefix: {@code ocds-} and the publisher's prefix. "sunbid" is this platform's own choice until a prefix is
     * registered with the Open Contracting Partnership (https://standard.open-contracting.org/1.1/en/schema/identifiers/);
     * a deployment registers its own and sets it here.
     */
    static final String OCID_PREFIX = "ocds-sunbid-";

    /** The identifier scheme of the 统一社会信用代码 (GB 32100-2015) that parties carry. */
    static final String SCHEME = "CN-USCC";

    static final String CURRENCY = "CNY";

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private OcdsMapping() {
    }

    /** A party: its 统一社会信用代码 and name. */
    record Party(String creditCode, String name) {

        String id() {
            return SCHEME + "-" + creditCode;
        }
    }

    /**
     * A project's public facts.
     *
     * @param dealCode  统一交易标识码
     * @param name      项目名称
     * @param category  OCDS mainProcurementCategory (goods, works, services), or null
     * @param method    OCDS procurementMethod (open, selective, limited, direct)
     * @param methodZh  the procedure's Chinese name (procurementMethodDetails)
     * @param budget    the project's budget in yuan
     * @param owner     招标人/采购人/出让人 (buyer)
     * @param agency    the agency (procuringEntity), or null
     * @param lots      its published lots
     */
    record Facts(String dealCode, String name, String category, String method, String methodZh, BigDecimal budget, Party owner,
            Party agency, List<Lot> lots) {

        String ocid() {
            return OCID_PREFIX + dealCode;
        }
    }

    /**
     * A published lot.
     *
     * @param lotNo          1, 2, …
     * @param lotCode        the lot code
     * @param name           its name
     * @param budget         its budget in yuan
     * @param publishedAt    when its notice was published
     * @param deadline       the bid deadline the notice gave
     * @param clarifications its clarifications, oldest first
     * @param opening        its opening once completed or failed, else null
     * @param award          its award facts once public, else null
     * @param auction        its auction result once recorded, else null
     * @param terminatedAt   when its procedure was terminated (终止), else null
     */
    record Lot(int lotNo, String lotCode, String name, BigDecimal budget, Instant publishedAt, Instant deadline,
            List<Amendment> clarifications, Opening opening, Award award, AuctionOutcome auction, Instant terminatedAt) {
    }

    /** A clarification: its id, when, its text, the deadline it moved to (or null). */
    record Amendment(String id, Instant at, String text, Instant deadlineMovedTo) {
    }

    /** An opening: when, whether it failed for too few bids, and the bids as its signed record lists them. */
    record Opening(Instant at, boolean failed, List<Bid> bids) {
    }

    /** A bid of the opening record: its id, tenderer, price (null if none) and whether it was opened (else rejected). */
    record Bid(String id, Party tenderer, BigDecimal value, boolean opened) {
    }

    /**
     * What is public of a lot's award: the candidates' publicity (first-ranked and its price) and the award and contract.
     */
    record Award(Instant publicityAt, Party firstCandidate, BigDecimal firstPrice, Instant awardedAt, Party winner,
            BigDecimal price, Instant contractSignedAt) {
    }

    /** An auction lot's recorded result: deal or not, the winner and price, the number of bids. */
    record AuctionOutcome(Instant decidedAt, boolean deal, Party winner, BigDecimal price, long bids) {
    }

    /** Releases oldest first: by date, then id. */
    static final Comparator<Map<String, Object>> ORDER = Comparator.comparing((Map<String, Object> r) -> instant(r))
            .thenComparing(r -> (String) r.get("id"));

    /** A release's date as an instant. */
    static Instant instant(Map<String, Object> release) {
        return java.time.OffsetDateTime.parse((String) release.get("date")).toInstant();
    }

    /** Every release of the process, oldest first (by date, then id). */
    static List<Map<String, Object>> releases(Facts f) {
        List<Map<String, Object>> out = new ArrayList<>();
        Instant first = f.lots().stream().map(Lot::publishedAt).min(Comparator.naturalOrder()).orElse(null);
        boolean firstTaken = false;
        List<Lot> byPublication = new ArrayList<>(f.lots());
        byPublication.sort(Comparator.comparing(Lot::publishedAt).thenComparing(Lot::lotNo));
        for (Lot lot : byPublication) {
            String prefix = f.ocid() + "-" + lot.lotNo();
            boolean isFirst = !firstTaken && lot.publishedAt().equals(first);
            firstTaken |= isFirst;
            Map<String, Object> r = release(f, prefix + "-tender", lot.publishedAt(), isFirst ? "tender" : "tenderUpdate");
            parties(r, owners(f));
            buyer(r, f);
            Map<String, Object> tender = tender(f, "active");
            Map<String, Object> period = new LinkedHashMap<>();
            put(period, "startDate", date(lot.publishedAt()));
            put(period, "endDate", date(lot.deadline()));
            tender.put("tenderPeriod", period);
            tender.put("items", List.of(item(lot)));
            r.put("tender", tender);
            out.add(r);

            for (Amendment a : lot.clarifications()) {
                Map<String, Object> ar = release(f, prefix + "-amendment-" + a.id(), a.at(), "tenderAmendment");
                Map<String, Object> t = tenderRef(f);
                Map<String, Object> amendment = new LinkedHashMap<>();
                amendment.put("id", a.id());
                amendment.put("date", date(a.at()));
                amendment.put("rationale", "澄清/修改（" + lot.name() + "）");
                amendment.put("description", a.text());
                t.put("amendments", List.of(amendment));
                if (a.deadlineMovedTo() != null) {
                    t.put("tenderPeriod", Map.of("endDate", date(a.deadlineMovedTo())));
                }
                ar.put("tender", t);
                out.add(ar);
            }

            if (lot.opening() != null && lot.opening().failed()) {
                Map<String, Object> fr = release(f, prefix + "-failed", lot.opening().at(), "tenderUpdate");
                Map<String, Object> t = tenderRef(f);
                if (f.lots().size() == 1) {
                    t.put("status", "unsuccessful");
                }
                t.put("items", List.of(item(lot)));
                fr.put("tender", t);
                out.add(fr);
            } else if (lot.opening() != null) {
                Map<String, Object> br = release(f, prefix + "-bids", lot.opening().at(), "tenderUpdate");
                List<Party> tenderers = lot.opening().bids().stream().map(Bid::tenderer).toList();
                parties(br, tenderers.stream().map(p -> new Role(p, "tenderer")).toList());
                br.put("tender", tenderRef(f));
                List<Object> details = new ArrayList<>();
                for (Bid b : lot.opening().bids()) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("id", b.id());
                    d.put("date", date(lot.opening().at()));
                    d.put("status", b.opened() ? "pending" : "disqualified");
                    d.put("tenderers", List.of(ref(b.tenderer())));
                    if (b.value() != null) {
                        d.put("value", value(b.value()));
                    }
                    d.put("description", lot.lotCode() + " " + lot.name());
                    details.add(d);
                }
                Map<String, Object> bids = new LinkedHashMap<>();
                bids.put("statistics", List.of(statistic(prefix + "-bids", "bids", lot.opening().bids().size(), lot)));
                bids.put("details", details);
                br.put("bids", bids);
                out.add(br);
            }

            Award aw = lot.award();
            if (aw != null && aw.publicityAt() != null && aw.firstCandidate() != null) {
                Map<String, Object> cr = release(f, prefix + "-candidates", aw.publicityAt(), "award");
                parties(cr, List.of(new Role(aw.firstCandidate(), "tenderer")));
                cr.put("awards", List.of(award(lot, "pending", aw.publicityAt(), aw.firstCandidate(), aw.firstPrice(),
                        "中标候选人公示：第一中标候选人")));
                out.add(cr);
            }
            if (aw != null && aw.awardedAt() != null && aw.winner() != null) {
                Map<String, Object> wr = release(f, prefix + "-award", aw.awardedAt(), "award");
                parties(wr, List.of(new Role(aw.winner(), "tenderer"), new Role(aw.winner(), "supplier")));
                wr.put("awards", List.of(award(lot, "active", aw.awardedAt(), aw.winner(), aw.price(), "中标（成交）结果")));
                out.add(wr);
                if (aw.contractSignedAt() != null) {
                    Map<String, Object> kr = release(f, prefix + "-contract", aw.contractSignedAt(), "contract");
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("id", lot.lotCode());
                    c.put("awardID", lot.lotCode());
                    c.put("title", lot.name());
                    c.put("status", "active");
                    if (aw.price() != null) {
                        c.put("value", value(aw.price()));
                    }
                    c.put("dateSigned", date(aw.contractSignedAt()));
                    kr.put("contracts", List.of(c));
                    out.add(kr);
                }
            }

            if (lot.terminatedAt() != null) {
                Map<String, Object> tr = release(f, prefix + "-cancelled", lot.terminatedAt(), "tenderCancellation");
                Map<String, Object> t = tenderRef(f);
                if (f.lots().size() == 1) {
                    t.put("status", "cancelled");
                }
                t.put("items", List.of(item(lot)));
                tr.put("tender", t);
                out.add(tr);
            }

            AuctionOutcome au = lot.auction();
            if (au != null) {
                Map<String, Object> xr = release(f, prefix + "-auction", au.decidedAt(), au.deal() ? "award" : "tenderUpdate");
                Map<String, Object> t = tenderRef(f);
                if (!au.deal() && f.lots().size() == 1) {
                    t.put("status", "unsuccessful");
                }
                xr.put("tender", t);
                if (au.deal()) {
                    parties(xr, List.of(new Role(au.winner(), "tenderer"), new Role(au.winner(), "supplier")));
                    xr.put("awards", List.of(award(lot, "active", au.decidedAt(), au.winner(), au.price(), "成交")));
                } else {
                    xr.put("awards", List.of(award(lot, "unsuccessful", au.decidedAt(), null, null, "流拍")));
                }
                xr.put("bids", Map.of("statistics", List.of(statistic(prefix + "-auction-bids", "bids", au.bids(), lot))));
                out.add(xr);
            }
        }
        out.sort(ORDER);
        return out;
    }

    /**
     * The compiled release of {@code releases} (oldest first): each later release merged over the earlier by OCDS's merge
     * rules (objects field by field; arrays of objects with ids merged by id; other arrays and values replaced), parties'
     * roles collected; tag {@code compiled}, id {@code <ocid>-compiled}, date the latest release's.
     */
    static Map<String, Object> compile(List<Map<String, Object>> releases) {
        Map<String, Object> compiled = new LinkedHashMap<>();
        for (Map<String, Object> r : releases) {
            merge(compiled, r);
        }
        if (!releases.isEmpty()) {
            compiled.put("id", releases.get(0).get("ocid") + "-compiled");
            compiled.put("tag", List.of("compiled"));
        }
        return compiled;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        for (Map.Entry<String, Object> e : from.entrySet()) {
            Object old = into.get(e.getKey());
            Object value = e.getValue();
            if (old instanceof Map<?, ?> o && value instanceof Map<?, ?> v) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) o);
                merge(copy, (Map<String, Object>) v);
                into.put(e.getKey(), copy);
            } else if (old instanceof List<?> o && value instanceof List<?> v && identified(o) && identified(v)) {
                Map<Object, Map<String, Object>> byId = new LinkedHashMap<>();
                for (Object item : o) {
                    byId.put(((Map<?, ?>) item).get("id"), new LinkedHashMap<>((Map<String, Object>) item));
                }
                for (Object item : v) {
                    Map<String, Object> m = (Map<String, Object>) item;
                    Map<String, Object> existing = byId.get(m.get("id"));
                    if (existing == null) {
                        byId.put(m.get("id"), new LinkedHashMap<>(m));
                    } else {
                        Object roles = existing.get("roles");
                        merge(existing, m);
                        if (roles instanceof List<?> before && m.get("roles") instanceof List<?> after) {
                            LinkedHashSet<Object> all = new LinkedHashSet<>(before);
                            all.addAll(after);
                            existing.put("roles", List.copyOf(all));
                        }
                    }
                }
                into.put(e.getKey(), List.copyOf(byId.values()));
            } else if (value instanceof Map<?, ?> v) {
                Map<String, Object> copy = new LinkedHashMap<>();
                merge(copy, (Map<String, Object>) v);
                into.put(e.getKey(), copy);
            } else {
                into.put(e.getKey(), value);
            }
        }
    }

    private static boolean identified(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("id") != null);
    }

    /** A party in a role. */
    private record Role(Party party, String role) {
    }

    private static List<Role> owners(Facts f) {
        List<Role> roles = new ArrayList<>();
        roles.add(new Role(f.owner(), "buyer"));
        if (f.agency() == null) {
            roles.add(new Role(f.owner(), "procuringEntity"));
        } else {
            roles.add(new Role(f.agency(), "procuringEntity"));
        }
        return roles;
    }

    private static void parties(Map<String, Object> release, List<Role> roles) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (Role r : roles) {
            Map<String, Object> p = byId.computeIfAbsent(r.party().id(), id -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", id);
                m.put("name", r.party().name());
                Map<String, Object> identifier = new LinkedHashMap<>();
                identifier.put("scheme", SCHEME);
                identifier.put("id", r.party().creditCode());
                identifier.put("legalName", r.party().name());
                m.put("identifier", identifier);
                m.put("roles", new ArrayList<String>());
                return m;
            });
            @SuppressWarnings("unchecked")
            List<String> list = (List<String>) p.get("roles");
            if (!list.contains(r.role())) {
                list.add(r.role());
            }
        }
        release.put("parties", List.copyOf(byId.values()));
    }

    private static void buyer(Map<String, Object> release, Facts f) {
        release.put("buyer", ref(f.owner()));
    }

    private static Map<String, Object> release(Facts f, String id, Instant at, String tag) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ocid", f.ocid());
        r.put("id", id);
        r.put("date", date(at));
        r.put("tag", List.of(tag));
        r.put("initiationType", "tender");
        r.put("language", "zh");
        return r;
    }

    private static Map<String, Object> tenderRef(Facts f) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", f.dealCode());
        return t;
    }

    private static Map<String, Object> tender(Facts f, String status) {
        Map<String, Object> t = tenderRef(f);
        t.put("title", f.name());
        put(t, "status", status);
        t.put("procuringEntity", ref(f.agency() == null ? f.owner() : f.agency()));
        t.put("value", value(f.budget()));
        put(t, "procurementMethod", f.method());
        put(t, "procurementMethodDetails", f.methodZh());
        put(t, "mainProcurementCategory", f.category());
        return t;
    }

    private static Map<String, Object> item(Lot lot) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("id", lot.lotCode());
        i.put("description", lot.name() + "（预算 " + lot.budget().toPlainString() + " 元）");
        return i;
    }

    private static Map<String, Object> award(Lot lot, String status, Instant at, Party supplier, BigDecimal price, String title) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", lot.lotCode());
        a.put("title", title + "（" + lot.name() + "）");
        a.put("status", status);
        a.put("date", date(at));
        if (price != null) {
            a.put("value", value(price));
        }
        if (supplier != null) {
            a.put("suppliers", List.of(ref(supplier)));
        }
        a.put("items", List.of(item(lot)));
        return a;
    }

    private static Map<String, Object> statistic(String id, String measure, long count, Lot lot) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("measure", measure);
        s.put("value", count);
        return s;
    }

    private static Map<String, Object> ref(Party p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        return m;
    }

    private static Map<String, Object> value(BigDecimal amount) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("amount", amount);
        v.put("currency", CURRENCY);
        return v;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** An instant as an RFC 3339 date-time at Beijing's offset, e.g. {@code 2026-11-23T09:30:00+08:00}. */
    static String date(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(BEIJING));
    }
}
