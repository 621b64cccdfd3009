package org.sunbid.platform.supervision.evidence.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * One fact about a bidder's bid on a lot, as its owner context captured it: a keyed hash (equal values equal within the
 * lot, the raw value unknown here), except {@link Kind#MENTION}, whose value is the id of the bidder named.
 *
 * @param bidderId whose bid
 * @param kind     what it is
 * @param value    the hash (or the named bidder's id)
 * @param detail   where it was found, for people, or null
 */
public record Fact(UUID bidderId, Kind kind, String value, String detail) {

    public Fact {
        Objects.requireNonNull(bidderId, "bidderId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** What a fact is, and the item of Art. 40 two bidders sharing it fall under. */
    public enum Kind {
        /** A MAC address of the machine that sealed the bid. */
        MAC(Art40Item.SAME_PREPARER, "网卡 MAC 地址"),
        /** The machine's operating-system id. */
        MACHINE_ID(Art40Item.SAME_PREPARER, "计算机机器标识"),
        /** A disk's id. */
        DISK_ID(Art40Item.SAME_PREPARER, "硬盘序列号"),
        /** The document-making tool's 机器码. */
        MAKER_CODE(Art40Item.SAME_PREPARER, "投标文件制作工具机器码"),
        /** The address the bid was uploaded from. */
        UPLOAD_IP(Art40Item.SAME_AGENT, "上传 IP 地址"),
        /** The declared project manager. */
        PROJECT_MANAGER(Art40Item.SAME_PROJECT_MANAGER, "项目经理"),
        /** The declared project manager's name only (two people may share one): to be checked, never decisive. */
        PROJECT_MANAGER_NAME(Art40Item.SAME_PROJECT_MANAGER, "项目经理同名，待核实"),
        /** An opened file's content. */
        FILE(Art40Item.ABNORMALLY_SIMILAR, "相同文件"),
        /** A distinctive line of text (an odd error, a typo). */
        LINE(Art40Item.ABNORMALLY_SIMILAR, "相同的特异文字行"),
        /** The bid's text names another bidder. */
        MENTION(Art40Item.MIXED_UP, "文件载有其他投标人名称"),
        /** The account that paid the bidder's deposit. */
        PAYER(Art40Item.SAME_DEPOSIT_ACCOUNT, "保证金付款账户");

        private final Art40Item item;
        private final String label;

        Kind(Art40Item item, String label) {
            this.item = item;
            this.label = label;
        }

        /** The item two bidders sharing such a fact fall under. */
        public Art40Item item() {
            return item;
        }

        /** What it is, for people (zh-CN). */
        public String label() {
            return label;
        }

        /** Whether a value every bidder shares says nothing (a template's file or line). */
        boolean commonWhenShared() {
            return this == FILE || this == LINE;
        }
    }
}
