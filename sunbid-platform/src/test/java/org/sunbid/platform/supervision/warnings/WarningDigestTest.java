package org.sunbid.platform.supervision.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.supervision.WarningDraft;

/** The content digest commits to the content and its nonce: the same pair gives the same digest, another nonce another. */
class WarningDigestTest {

    private static final WarningDraft DRAFT = new WarningDraft("art40", "k", WarningDraft.Severity.HIGH, "990100", null, null,
            "疑似串通投标", "同一账户", "招标投标法实施条例第四十条", List.of(new WarningDraft.Evidence("账户", "a1b2…", null)),
            List.of());

    @Test
    void theDigestNeedsTheNonce() {
        String nonce = "00112233445566778899aabbccddeeff";
        assertThat(WarningQueue.digest(DRAFT, nonce)).isEqualTo(WarningQueue.digest(DRAFT, nonce)).hasSize(64);
        assertThat(WarningQueue.digest(DRAFT, "ffeeddccbbaa99887766554433221100")).isNotEqualTo(WarningQueue.digest(DRAFT, nonce));
    }
}
