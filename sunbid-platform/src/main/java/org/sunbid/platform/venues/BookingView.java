package org.sunbid.platform.venues;

import java.time.Instant;
import java.util.UUID;

/**
 * A booking of a room for a lot's session.
 *
 * @param id            the booking
 * @param lotId         the lot (= its tender)
 * @param room          the room
 * @param purpose       opening or evaluation
 * @param startsAt      from (inclusive)
 * @param endsAt        until (exclusive)
 * @param deadlineBasis the bid deadline the times were set against
 * @param status        where it stands
 * @param flagReason    why it is flagged, else null
 * @param wantedStart   for a flagged booking, the start the moved deadline asked for
 * @param wantedEnd     for a flagged booking, the end the moved deadline asked for
 * @param bookedBy      who booked it
 */
public record BookingView(UUID id, UUID lotId, Rooms.RoomView room, BookingPurpose purpose, Instant startsAt, Instant endsAt,
        Instant deadlineBasis, BookingStatus status, String flagReason, Instant wantedStart, Instant wantedEnd, String bookedBy) {
}
