package org.sunbid.platform.auction.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.auction.AuctionLotView;
import org.sunbid.platform.auction.AuctionLots;
import org.sunbid.platform.parties.CurrentUser;

/**
 * An auction lot's terms over HTTP (part L): {@code PUT /api/v1/auctions/{lotId}/terms} by the lot's owner or agency
 * while it is a draft; {@code GET /api/v1/auctions/{lotId}} public once the announcement is published, before that for
 * its owner, agency and the region's staff. Amounts in yuan as text, times ISO-8601.
 */
@RestController
@RequestMapping("/api/v1/auctions/{lotId}")
class AuctionLotApi {

    private final AuctionLots lots;

    AuctionLotApi(AuctionLots lots) {
        this.lots = lots;
    }

    @PutMapping("/terms")
    AuctionLotView setTerms(@PathVariable UUID lotId, @RequestBody AuctionLots.TermsInput body, CurrentUser user) {
        return lots.setTerms(lotId, body, user);
    }

    @GetMapping
    AuctionLotView view(@PathVariable UUID lotId, @Nullable CurrentUser user) {
        return lots.view(lotId, user);
    }
}
