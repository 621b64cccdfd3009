package org.sunbid.platform.supervision.evidence.domain;

/** The items of 招标投标法实施条例 Art. 40: cases in which bidders are deemed (视为) to have colluded. */
public enum Art40Item {
    /** (一) 不同投标人的投标文件由同一单位或者个人编制: one machine, one document maker. */
    SAME_PREPARER("（一）", "不同投标人的投标文件由同一单位或者个人编制"),
    /** (二) 不同投标人委托同一单位或者个人办理投标事宜: uploaded from one address. */
    SAME_AGENT("（二）", "不同投标人委托同一单位或者个人办理投标事宜"),
    /** (三) 不同投标人的投标文件载明的项目管理成员为同一人: one project manager. */
    SAME_PROJECT_MANAGER("（三）", "不同投标人的投标文件载明的项目管理成员为同一人"),
    /** (四) 不同投标人的投标文件异常一致或者投标报价呈规律性差异: identical files, odd lines, regular prices. */
    ABNORMALLY_SIMILAR("（四）", "不同投标人的投标文件异常一致或者投标报价呈规律性差异"),
    /** (五) 不同投标人的投标文件相互混装: one bid's documents name another bidder. */
    MIXED_UP("（五）", "不同投标人的投标文件相互混装"),
    /** (六) 不同投标人的投标保证金从同一单位或者个人的账户转出: one payer account. */
    SAME_DEPOSIT_ACCOUNT("（六）", "不同投标人的投标保证金从同一单位或者个人的账户转出");

    private final String number;
    private final String text;

    Art40Item(String number, String text) {
        this.number = number;
        this.text = text;
    }

    /** The legal basis as a supervisor cites it, e.g. 招标投标法实施条例第四十条第（六）项. */
    public String legalBasis() {
        return "招标投标法实施条例第四十条第" + number + "项";
    }

    /** The item's words in the regulation. */
    public String text() {
        return text;
    }
}
