package org.sunbid.platform.sealing.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.sealing.OpeningKeyView;
import org.sunbid.platform.sealing.TenderKeys;

/** A tender's opening key: public for bidders to seal to; each custodian fetches its own encrypted share. */
@RestController
class OpeningKeyApi {

    private final TenderKeys keys;

    OpeningKeyApi(TenderKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/api/v1/tenders/{id}/opening-key")
    OpeningKeyView openingKey(@PathVariable UUID id) {
        return keys.view(id);
    }

    /** The caller's organisation's encrypted share, if it is a custodian of this tender. */
    @GetMapping("/api/v1/tenders/{id}/opening-key/my-share")
    Map<String, String> myShare(@PathVariable UUID id, CurrentUser user) {
        if (user.organisationId() == null) {
            throw new DomainException(CommonError.NOT_FOUND);
        }
        return Map.of("encryptedShare", keys.encryptedShare(id, user.organisationId()));
    }
}
