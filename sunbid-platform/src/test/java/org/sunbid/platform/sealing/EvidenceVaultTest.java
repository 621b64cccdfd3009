package org.sunbid.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.kernel.SunbidProperties;

/** Art. 40's facts are kept as keyed hashes per tender: equal within a tender, unlinkable across, unguessable without the key. */
class EvidenceVaultTest {

    @TempDir
    Path dir;

    private EvidenceVault vault(Path data) {
        return new EvidenceVault(new SunbidProperties(data, "测试", "off", null, null, null));
    }

    @Test
    void equalValuesCompareEqualWithinATenderOnly_andNotAsTheirPlainSm3() {
        EvidenceVault vault = vault(dir);
        UUID t1 = UUID.randomUUID();
        UUID t2 = UUID.randomUUID();
        String mac = "00:16:3e:aa:bb:01";
        assertThat(vault.hash(t1, BidEvidence.Kind.MAC, mac)).isEqualTo(vault.hash(t1, BidEvidence.Kind.MAC, mac))
                .isNotEqualTo(vault.hash(t2, BidEvidence.Kind.MAC, mac))
                .isNotEqualTo(vault.hash(t1, BidEvidence.Kind.DISK_ID, mac))
                .isNotEqualTo(Sm3.hex(mac)).matches("[0-9a-f]{64}");
        // Another installation (another key file) gets other hashes: the database alone says nothing.
        assertThat(vault(dir.resolve("other")).hash(t1, BidEvidence.Kind.MAC, mac)).isNotEqualTo(vault.hash(t1, BidEvidence.Kind.MAC, mac));
    }

    @Test
    void anUploadAddressIsStoredHashed_theHostsOwnAsLocal() {
        EvidenceVault vault = vault(dir);
        UUID t = UUID.randomUUID();
        assertThat(vault.uploadAddress(t, "203.0.113.7")).matches("k:[0-9a-f]{40}").hasSizeLessThanOrEqualTo(45)
                .isEqualTo(vault.uploadAddress(t, " 203.0.113.7 ")).isNotEqualTo(vault.uploadAddress(t, "203.0.113.8"))
                .doesNotContain("203.0.113.7");
        assertThat(vault.uploadAddress(t, "2001:DB8::1")).isEqualTo(vault.uploadAddress(t, "2001:db8::1"));
        assertThat(vault.uploadAddress(t, "127.0.0.1")).isEqualTo(EvidenceVault.LOCAL);
        assertThat(vault.uploadAddress(t, "::1")).isEqualTo(EvidenceVault.LOCAL);
        assertThat(vault.uploadAddress(t, null)).isEqualTo(EvidenceVault.LOCAL);
    }

    @Test
    void onlyUtf8TextIsReadForLines_andFilesAreHashedInBlocks() throws Exception {
        assertThat(BidEvidenceCapture.text("投标函\n第二行".getBytes(StandardCharsets.UTF_8))).isEqualTo("投标函\n第二行");
        assertThat(BidEvidenceCapture.text(new byte[] {'%', 'P', 'D', 'F', 0, 1})).isNull();
        assertThat(BidEvidenceCapture.text("投标函".getBytes(java.nio.charset.Charset.forName("GB18030")))).isNull();
        byte[] big = new byte[200_000];
        new java.util.Random(1).nextBytes(big);
        assertThat(BidEvidenceCapture.sm3(new ByteArrayInputStream(big))).isEqualTo(Sm3.hex(big));
    }
}
