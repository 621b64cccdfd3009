package org.sunbid.platform.auction;

import org.springframework.stereotype.Component;
import org.sunbid.platform.kernel.KeyVault;
import org.sunbid.platform.kernel.SunbidProperties;

/**
 * The auction context's own keys (data/keys/auction-vault.key, never in the database), as the expert draw's vault:
 * SM4-GCM for who stands behind a bidder number until bidding ends, and a keyed SM3 MAC to find a bidder's own number
 * without revealing it. Whoever holds only the database (a database administrator) links no number to anyone.
 */
@Component
class AuctionVault extends KeyVault {

    AuctionVault(SunbidProperties properties) {
        super(properties.dataDir().resolve("keys").resolve("auction-vault.key"), "auction");
    }
}
