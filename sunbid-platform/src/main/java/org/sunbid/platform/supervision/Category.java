package org.sunbid.platform.supervision;

/**
 * What a deal buys or grants, as the catalogue distinguishes it (必须招标的工程项目规定 Art. 5 sets one value for each of
 * the first three). {@link #ANY} in a catalogue entry covers every category of its kind (land, mining, state property).
 */
public enum Category {
    /** 施工: construction works. */
    WORKS("施工/工程", "Works"),
    /** 货物: goods (重要设备、材料 for construction projects). */
    GOODS("货物", "Goods"),
    /** 服务: services (勘察、设计、监理 for construction projects). */
    SERVICES("服务", "Services"),
    /** Any category of the kind: an entry for all land grants, all mining grants, all state property transfers. */
    ANY("全部", "All");

    private final String zh;
    private final String en;

    Category(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
