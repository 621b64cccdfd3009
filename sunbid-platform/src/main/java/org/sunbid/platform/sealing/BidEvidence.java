package org.sunbid.platform.sealing;

import java.util.Objects;
import java.util.UUID;

/**
 * One fact about an opened bid that 招标投标法实施条例 Art. 40 asks about (deemed collusion), as sealing learnt it at the
 * opening. Values are keyed hashes per tender (equal values of one tender are equal hashes; the raw value is not
 * recoverable from them), except {@link Kind#MENTION}, whose value is the id of the rival bidder named.
 *
 * @param bidId    the opened bid
 * @param bidderId its bidder
 * @param kind     what the fact is
 * @param hash     the keyed hash (hex) of the value; for {@link Kind#NO_FINGERPRINT} "-"; for {@link Kind#MENTION} the
 *                 named bidder's id
 * @param detail   where it was found, for people (a file name and line, the tool, a declared name), or null
 */
public record BidEvidence(UUID bidId, UUID bidderId, Kind kind, String hash, String detail) {

    public BidEvidence {
        Objects.requireNonNull(bidId, "bidId");
        Objects.requireNonNull(bidderId, "bidderId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hash, "hash");
    }

    /** What a fact is. */
    public enum Kind {
        /** A network interface's MAC address of the machine that sealed the bid (the bidder tool). */
        MAC,
        /** The operating system's machine id (/etc/machine-id). */
        MACHINE_ID,
        /** A disk's id (/dev/disk/by-id). */
        DISK_ID,
        /** The document-making tool's machine code (投标文件制作工具机器码). */
        MAKER_CODE,
        /** The bid came with no machine fingerprint (sealed on arrival from a browser): recorded as such. */
        NO_FINGERPRINT,
        /** The address the bid was uploaded from. */
        UPLOAD_IP,
        /** The project manager (项目经理) the bid declares, by registration number (注册编号): one number, one person. */
        PROJECT_MANAGER,
        /** The declared project manager's name: two people may share one, so a match is to be checked (同名，待核实). */
        PROJECT_MANAGER_NAME,
        /** An opened file's content. */
        FILE,
        /** A distinctive line of an opened text file (identical odd lines or typos across bids). */
        LINE,
        /** The bid's text names a rival bidder of the same tender (documents mixed up, Art. 40 (五)). */
        MENTION,
        /** An opened file the opening could not read or hash (its name, keyed-hashed; the name as detail). */
        UNREADABLE
    }
}
