package org.sunbid.screening.cardinal;


/**
 * R030 Late bid won: a valid bid dated after {@code tender/tenderPeriod/endDate} (compared as text, as Cardinal does)
 * by a supplier of an active award. OCID → 1.0; that tenderer → 1.0.
 */
final class R030 implements Accumulator {

    private transient SmallSet scratch = new SmallSet();

    private Object readResolve() {
        scratch = new SmallSet();
        return this;
    }

    @Override
    public void add(Process p, Fold fold) {
        String end = p.tenderEndDate();
        if (end == null || p.awards() == null || p.bids() == null) return;
        SmallSet suppliers = scratch;
        suppliers.clear();
        for (Process.Award a : p.awards()) {
            if (a.status() == Process.ACTIVE && a.suppliers() != null) {
                for (String id : a.suppliers()) if (id != null) suppliers.add(id);
            }
        }
        if (suppliers.size() == 0) return;
        for (Process.Bid b : p.bids()) {
            if (b.status() != Process.VALID || b.date() == null || b.tenderers() == null) continue;
            if (compareUtf8(b.date(), end) <= 0) continue;
            for (String id : b.tenderers()) {
                if (id != null && suppliers.contains(id)) {
                    fold.result(Group.OCID, p.ocid(), p.seq(), Indicator.R030, 1.0);
                    fold.result(Group.Tenderer, id, p.seq(), Indicator.R030, 1.0);
                }
            }
        }
    }

    /** Compares as Rust compares strings: by UTF-8 bytes, which is code point order. */
    static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    @Override
    public void merge(Accumulator other) {
    }
}
