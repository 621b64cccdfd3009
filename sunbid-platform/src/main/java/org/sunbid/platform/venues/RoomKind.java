package org.sunbid.platform.venues;

/** What a room of the trading centre is for. */
public enum RoomKind {
    /** 开标室: where bids are opened in public at the bid deadline (招标投标法 Art. 34). */
    OPENING_HALL,
    /** 评标室: where the committee evaluates; isolated rooms (封闭评标) keep the experts apart from everyone else. */
    EVALUATION_ROOM,
    /** 远程异地评标席位: a seat from which another region's drawn expert evaluates the lot. */
    REMOTE_SEAT
}
