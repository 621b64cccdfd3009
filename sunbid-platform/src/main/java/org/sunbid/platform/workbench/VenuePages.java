package org.sunbid.platform.workbench;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.platform.venues.BookingPurpose;
import org.sunbid.platform.venues.Bookings;
import org.sunbid.platform.venues.RoomKind;
import org.sunbid.platform.venues.Rooms;

/**
 * 场地预约 on the workbench (issue 20 V): the centre's staff keep the rooms and see the region's bookings (the flagged
 * first); a lot's owner or agency books the opening hall (at the bid deadline) and an evaluation room (hours after it)
 * and sees its bookings; supervisors see the region's. The rules are venues' ({@link Bookings}); this page collects and
 * shows.
 */
@Controller
@RequestMapping("/workbench/venues")
class VenuePages {

    private final Rooms rooms;
    private final Bookings bookings;
    private final Tenders tenders;
    private final PageMessages messages;
    private final Menus menus;

    VenuePages(Rooms rooms, Bookings bookings, Tenders tenders, PageMessages messages, Menus menus) {
        this.rooms = rooms;
        this.bookings = bookings;
        this.tenders = tenders;
        this.messages = messages;
        this.menus = menus;
    }

    @ModelAttribute
    void common(CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("activePath", "/workbench/venues");
        model.addAttribute("menu", menus.of(user.role()));
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        boolean owner = user.role() == Role.TENDEREE || user.role() == Role.AGENCY;
        boolean staff = user.role() == Role.CENTRE_STAFF || user.role() == Role.ADMINISTRATOR;
        model.addAttribute("owner", owner);
        model.addAttribute("staff", staff);
        List<TenderView> lots = owner ? tenders.ofMyOrganisation(user).stream()
                .filter(t -> t.status() == TenderStatus.PUBLISHED || t.status() == TenderStatus.SUSPENDED
                        || t.status() == TenderStatus.DRAFT)
                .sorted(Comparator.comparing(TenderView::bidDeadline)).toList() : List.of();
        model.addAttribute("lots", lots);
        Map<UUID, Rooms.RoomView> usable = new LinkedHashMap<>();
        if (owner) {
            lots.stream().map(TenderView::regionCode).distinct()
                    .forEach(region -> rooms.usableFor(region).stream().filter(Rooms.RoomView::active).forEach(r -> usable.put(r.id(), r)));
        } else if (user.regionCode() != null) {
            rooms.usableFor(user.regionCode()).forEach(r -> usable.put(r.id(), r));
            if (staff) { // the staff keep their own region's rooms and those below it
                rooms.within(user.regionCode(), user.seesAllRegions()).forEach(r -> usable.put(r.id(), r));
            }
        }
        model.addAttribute("rooms", List.copyOf(usable.values()));
        Map<UUID, String> lotNames = new LinkedHashMap<>();
        lots.forEach(t -> lotNames.put(t.id(), t.terms().projectCode() + " " + t.terms().name()));
        List<org.sunbid.platform.venues.BookingView> visible = bookings.visibleTo(user, false);
        visible.stream().map(org.sunbid.platform.venues.BookingView::lotId).distinct().filter(id -> !lotNames.containsKey(id))
                .forEach(id -> tenders.find(id).ifPresent(t -> lotNames.put(id, t.terms().projectCode() + " " + t.terms().name())));
        model.addAttribute("lotNames", lotNames);
        model.addAttribute("bookings", visible.stream()
                .sorted(Comparator.comparing((org.sunbid.platform.venues.BookingView b) -> b.status().name().equals("FLAGGED") ? 0 : 1)
                        .thenComparing(org.sunbid.platform.venues.BookingView::startsAt)).toList());
        model.addAttribute("kinds", RoomKind.values());
        model.addAttribute("purposes", BookingPurpose.values());
        return "workbench/venues";
    }

    /** The owner books: the opening at the deadline, an evaluation {@code offsetHours} after it, for {@code hours}. */
    @PostMapping("/bookings")
    String book(CurrentUser user, @RequestParam UUID lotId, @RequestParam UUID roomId, @RequestParam BookingPurpose purpose,
            @RequestParam(defaultValue = "0") int offsetHours, @RequestParam(defaultValue = "2") int hours,
            RedirectAttributes redirect) {
        try {
            TenderView lot = tenders.find(lotId).filter(t -> tenders.owns(lotId, user))
                    .orElseThrow(() -> new DomainException(org.sunbid.platform.venues.VenueError.NOT_LOTS_OWNER));
            Instant start = lot.bidDeadline().plus(Duration.ofHours(purpose == BookingPurpose.OPENING ? 0 : Math.max(0, offsetHours)));
            bookings.book(lotId, new Bookings.BookingRequest(roomId, purpose, start, start.plus(Duration.ofHours(Math.max(1, hours)))), user);
            redirect.addFlashAttribute("done", "venues.booked");
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/venues";
    }

    @PostMapping("/bookings/{id}/cancel")
    String cancel(@PathVariable UUID id, CurrentUser user, RedirectAttributes redirect) {
        try {
            bookings.cancel(id, user);
            redirect.addFlashAttribute("done", "venues.cancelled");
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/venues";
    }

    /** The centre's staff add a room to their region's centre. */
    @PostMapping("/rooms")
    String addRoom(CurrentUser user, @RequestParam(defaultValue = "") String name, @RequestParam RoomKind kind,
            @RequestParam(defaultValue = "false") boolean isolated, @RequestParam(defaultValue = "0") int capacity,
            RedirectAttributes redirect) {
        try {
            rooms.add(new Rooms.RoomInput(null, name, kind, isolated, capacity, null, null), user);
            redirect.addFlashAttribute("done", "venues.room.added");
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return "redirect:/workbench/venues";
    }
}
