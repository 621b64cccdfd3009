package org.sunbid.platform.disclosure.web;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.sunbid.platform.disclosure.ProjectPortal;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The public auction room (竞价大厅, issue 17) at {@code /auctions/{lotId}}: the lot, its terms, the room now and the bid
 * history under bidder numbers only, rendered by the server and then kept live by {@code /js/auction-room.js} through
 * the public Server-Sent Events of {@code GET /api/v1/auctions/{lotId}/live}. A signed-in qualified bidder also sees
 * its own number and the bid form. The countdown counts by the platform's clock (the page carries its time).
 */
@Controller
class AuctionRoomPage {

    private final ProjectPortal portal;

    AuctionRoomPage(ProjectPortal portal) {
        this.portal = portal;
    }

    @GetMapping("/auctions/{lotId}")
    String room(@PathVariable UUID lotId, @Nullable CurrentUser user, Model model) {
        model.addAttribute("room", portal.auctionRoom(lotId, user));
        model.addAttribute("fen", new Fen());
        return "portal/auction-room";
    }

    /** Amounts in fen shown in yuan with thousands separators ({@code 12,345,600.00}), for the templates. */
    static final class Fen {
        public String yuan(long fen) {
            return String.format(java.util.Locale.ROOT, "%,.2f", BigDecimal.valueOf(fen).movePointLeft(2));
        }

        public String yuan(Long fen) {
            return fen == null ? "" : yuan(fen.longValue());
        }
    }
}
