/**
 * Venues and on-site evidence (场地预约, issue 20): the trading centre's rooms per region (opening halls, evaluation rooms
 * with their isolation for 封闭评标, remote-evaluation seats for other regions' experts, 远程异地评标), booked by a lot's
 * owner or agency for its opening (at the bid deadline, 招标投标法 Art. 34) and its evaluation — never twice for
 * overlapping times (an exclusion constraint in PostgreSQL) — and following the deadline when tendering moves it
 * ({@link org.sunbid.platform.tendering.BidDeadlineMoved}): moved when the room is free, flagged otherwise. The sign-ins
 * reported by the rooms' fingerprint and card readers (through the {@link SignInReader} port) and the AV recordings of a
 * session are kept as evidence of the evaluation and listed in the transparency log with the lot as subject; an expert's
 * sign-in stays sealed until the evaluation ends. Tables are venues'; tendering is asked through its API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Venues (rooms, bookings, sign-ins, recordings)")
package org.sunbid.platform.venues;
