package org.sunbid.platform.deals;

/**
 * The kinds of public resource deal that must trade on the platform (公共资源交易平台管理暂行办法 Art. 8), each with the
 * prefix of its unified deal code (统一交易标识码) in the national data specification (GCJS_PROJECT, ZFCG_…, …).
 */
public enum DealKind {
    /** 工程建设项目招标投标. */
    GCJS("工程建设", "Construction"),
    /** 政府采购. */
    ZFCG("政府采购", "Government procurement"),
    /** 土地使用权出让. */
    TDSYQ("土地使用权", "Land-use rights"),
    /** 矿业权出让. */
    KYQ("矿业权", "Mining rights"),
    /** 国有产权交易. */
    GYCQ("国有产权", "State property");

    private final String zh;
    private final String en;

    DealKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** The Chinese name, as the portal shows it. */
    public String zh() {
        return zh;
    }

    /** The English name. */
    public String en() {
        return en;
    }

    /** The kind a deal code's prefix names, or null for any other text. */
    public static DealKind ofPrefix(String prefix) {
        for (DealKind kind : values()) {
            if (kind.name().equals(prefix)) {
                return kind;
            }
        }
        return null;
    }
}
