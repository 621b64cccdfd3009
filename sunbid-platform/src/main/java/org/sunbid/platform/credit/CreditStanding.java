package org.sunbid.platform.credit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The records that restrict {@link #subjects} at {@link #gate} at some time — in force now, not yet, or no longer — read
 * once by {@link CreditChecks#standing} and then asked at any instant without a query: for a gate asked very often,
 * such as every bid in a live auction room. A restriction that starts or ends later takes effect at its own instant by
 * the clock alone ({@link CreditRecordView#restricts}); a record made or withdrawn afterwards is not in it, so whoever
 * keeps a standing reads it again when {@link CreditRecordChanged} names one of its subjects.
 *
 * @param gate     the gate
 * @param subjects the subjects asked together (a consortium: barred if any member is), in the caller's order
 * @param records  their records barring the gate at some time, in the subjects' order, then by the restriction's start
 */
public record CreditStanding(Gate gate, List<CreditSubject> subjects, List<CreditRecordView> records) {

    public CreditStanding {
        subjects = List.copyOf(new LinkedHashSet<>(subjects));
        records = List.copyOf(records);
    }

    /** Orders {@code records} in the order of {@code subjects}, then by the restriction's start, then by id. */
    static List<CreditRecordView> ordered(List<CreditSubject> subjects, Collection<CreditRecordView> records) {
        Map<CreditSubject, Integer> position = new HashMap<>();
        for (int i = 0; i < subjects.size(); i++) {
            position.putIfAbsent(subjects.get(i), i);
        }
        List<CreditRecordView> out = new ArrayList<>(records);
        out.sort(Comparator.<CreditRecordView>comparingInt(r -> position.getOrDefault(r.subject(), Integer.MAX_VALUE))
                .thenComparing(CreditRecordView::restrictionFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(r -> r.id().toString()));
        return out;
    }

    /** Whether the subjects are barred at the gate at {@code at} (no allocation: the live room asks it for every bid). */
    public boolean bars(Instant at) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).restricts(gate, at)) {
                return true;
            }
        }
        return false;
    }

    /** The verdict at {@code at}: the records in force then, as {@link CreditChecks#check} answers it. */
    public CreditVerdict at(Instant at) {
        List<CreditRecordView> barring = new ArrayList<>();
        for (CreditRecordView r : records) {
            if (r.restricts(gate, at)) {
                barring.add(r);
            }
        }
        return new CreditVerdict(gate, at, barring);
    }

    /** Whether {@code subject} is one of the subjects (a change of its records makes this standing stale). */
    public boolean concerns(CreditSubject subject) {
        return subjects.contains(subject);
    }

    /** The standing of {@code some} of the subjects, from this one's records (no query). */
    public CreditStanding of(Collection<CreditSubject> some) {
        List<CreditSubject> asked = List.copyOf(new LinkedHashSet<>(some));
        return new CreditStanding(gate, asked, ordered(asked, records.stream().filter(r -> asked.contains(r.subject())).toList()));
    }
}
