package org.sunbid.platform.supervision.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.supervision.WarningDraft;

/** A finding's key stays short and stable however many bidders it concerns (the queue refuses keys over 400). */
class FindingKeyTest {

    private static List<UUID> bidders(int n) {
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(UUID.randomUUID());
        }
        return out;
    }

    @Test
    void aFindingOverTwelveBiddersHasAShortKeyTheSameWhateverTheOrder() {
        List<UUID> ids = bidders(12);
        List<UUID> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled);
        Finding a = new Finding(Art40Item.SAME_PREPARER, new TreeSet<>(ids), true, List.of());
        Finding b = new Finding(Art40Item.SAME_PREPARER, new TreeSet<>(shuffled), true, List.of());
        String key = UUID.randomUUID() + ":" + a.key() + ":round2"; // as Art40Checks builds it, at its longest
        assertThat(key.length()).isLessThan(400);
        assertThat(a.key()).isEqualTo(b.key()).matches("SAME_PREPARER:[0-9a-f]{64}");
        // the same as the public helper other sources use, and another set or item is another key
        assertThat(a.key()).isEqualTo("SAME_PREPARER:" + WarningDraft.membersDigest(shuffled));
        assertThat(new Finding(Art40Item.SAME_PREPARER, new TreeSet<>(ids.subList(0, 11)), true, List.of()).key())
                .isNotEqualTo(a.key());
        assertThat(new Finding(Art40Item.SAME_AGENT, new TreeSet<>(ids), true, List.of()).key()).isNotEqualTo(a.key());
        // a hundred bidders fit too
        assertThat(new Finding(Art40Item.SAME_PREPARER, new TreeSet<>(bidders(100)), true, List.of()).key()).hasSize(78);
    }
}
