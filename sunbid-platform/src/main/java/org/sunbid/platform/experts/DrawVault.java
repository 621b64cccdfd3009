package org.sunbid.platform.experts;

import org.springframework.stereotype.Component;
import org.sunbid.platform.kernel.KeyVault;
import org.sunbid.platform.kernel.SunbidProperties;

/**
 * The draw service's own keys (data/keys/draw-vault.key, never in the database): SM4-GCM for what must stay secret
 * until its time (the supervisor's secret, who was drawn) and a keyed SM3 MAC for looking those up without revealing
 * them. Whoever holds only the database sees neither the secret nor a drawn expert.
 */
@Component
class DrawVault extends KeyVault {

    DrawVault(SunbidProperties properties) {
        super(properties.dataDir().resolve("keys").resolve("draw-vault.key"), "draw");
    }
}
