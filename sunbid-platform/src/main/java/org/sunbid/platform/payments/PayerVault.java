package org.sunbid.platform.payments;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.kernel.KeyVault;
import org.sunbid.platform.kernel.SunbidProperties;

/**
 * Payments' evidence key (data/keys/payments-evidence.key, never in the database): the keyed SM3 under which a deposit
 * payer's account is handed to supervision for 招标投标法实施条例 Art. 40 (六). Keyed per tender: equal accounts of one
 * tender give equal hashes, and without the key file nobody can try the (few) possible account numbers against them.
 */
@Component
class PayerVault extends KeyVault {

    PayerVault(SunbidProperties properties) {
        super(properties.dataDir().resolve("keys").resolve("payments-evidence.key"), "payments evidence");
    }

    /** The keyed hash of {@code account} (blanks and dashes ignored) for a deposit of {@code tenderId}. */
    String payer(UUID tenderId, String account) {
        return index(tenderId + "|payer|" + account.replaceAll("[\\s-]", ""));
    }
}
