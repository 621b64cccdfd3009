package org.sunbid.platform.venues.web;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.venues.BookingView;
import org.sunbid.platform.venues.Bookings;
import org.sunbid.platform.venues.Devices;
import org.sunbid.platform.venues.Rooms;
import org.sunbid.platform.venues.SessionEvidence;
import org.sunbid.platform.venues.SignInReader;
import org.sunbid.platform.venues.VenueError;

/**
 * Venues over HTTP: rooms (the centre's staff maintain them, anyone signed in lists them), a lot's bookings (its owner
 * or agency books and cancels; its owners, the centre's staff and supervisors see them), the flagged bookings, readers
 * and their sign-ins (a reader authenticates with its device token, not a user), recordings and a lot's evidence.
 */
@RestController
class VenueApi {

    private final Rooms rooms;
    private final Bookings bookings;
    private final Devices devices;
    private final SessionEvidence evidence;
    private final ObjectProvider<SignInReader> readers;

    VenueApi(Rooms rooms, Bookings bookings, Devices devices, SessionEvidence evidence, ObjectProvider<SignInReader> readers) {
        this.rooms = rooms;
        this.bookings = bookings;
        this.devices = devices;
        this.evidence = evidence;
        this.readers = readers;
    }

    /** The rooms usable for lots of {@code region} (default: the caller's region): its own and those above it. */
    @GetMapping("/api/v1/venues/rooms")
    List<Rooms.RoomView> rooms(@RequestParam(required = false) String region, CurrentUser user) {
        String r = region == null || region.isBlank() ? user.regionCode() : region;
        return r == null ? List.of() : rooms.usableFor(r);
    }

    @PostMapping("/api/v1/venues/rooms")
    @ResponseStatus(HttpStatus.CREATED)
    Rooms.RoomView addRoom(@RequestBody Rooms.RoomInput body, CurrentUser user) {
        return rooms.add(body, user);
    }

    @PutMapping("/api/v1/venues/rooms/{id}")
    Rooms.RoomView changeRoom(@PathVariable UUID id, @RequestBody Rooms.RoomInput body, CurrentUser user) {
        return rooms.change(id, body, user);
    }

    /** The bookings the caller sees: the staff's region's ({@code flagged=true}: only the flagged), an owner's own. */
    @GetMapping("/api/v1/venues/bookings")
    List<BookingView> bookings(@RequestParam(defaultValue = "false") boolean flagged, CurrentUser user) {
        return bookings.visibleTo(user, flagged);
    }

    @GetMapping("/api/v1/lots/{lotId}/venue-bookings")
    List<BookingView> ofLot(@PathVariable UUID lotId, CurrentUser user) {
        return bookings.ofLot(lotId, user);
    }

    @PostMapping("/api/v1/lots/{lotId}/venue-bookings")
    @ResponseStatus(HttpStatus.CREATED)
    BookingView book(@PathVariable UUID lotId, @RequestBody Bookings.BookingRequest body, CurrentUser user) {
        return bookings.book(lotId, body, user);
    }

    @DeleteMapping("/api/v1/venues/bookings/{id}")
    BookingView cancel(@PathVariable UUID id, CurrentUser user) {
        return bookings.cancel(id, user);
    }

    /** A lot's sign-ins and recordings (experts masked until the evaluation ends, except for supervisors). */
    @GetMapping("/api/v1/lots/{lotId}/venue-evidence")
    SessionEvidence.Evidence evidence(@PathVariable UUID lotId, CurrentUser user) {
        return evidence.of(lotId, user);
    }

    @PostMapping("/api/v1/lots/{lotId}/venue-recordings")
    @ResponseStatus(HttpStatus.CREATED)
    SessionEvidence.RecordingView record(@PathVariable UUID lotId, @RequestBody SessionEvidence.NewRecording body, CurrentUser user) {
        return evidence.register(lotId, body, user);
    }

    /** The centre's staff register a reader; the answer holds its token, shown this once. */
    @PostMapping("/api/v1/venues/rooms/{roomId}/devices")
    @ResponseStatus(HttpStatus.CREATED)
    Devices.RegisteredDevice register(@PathVariable UUID roomId, @RequestBody DeviceInput body, CurrentUser user) {
        return devices.register(roomId, body.kind(), body.name(), user);
    }

    /** A reader reports a sign-in through its adapter; authenticated by its device token, not a user's. */
    @PostMapping("/api/v1/venues/devices/{deviceId}/sign-ins")
    @ResponseStatus(HttpStatus.CREATED)
    SessionEvidence.SignInView signIn(@PathVariable UUID deviceId,
            @RequestHeader(name = "X-Device-Token", required = false) String token, @RequestBody(required = false) String body) {
        SignInReader reader = readers.getIfAvailable();
        if (reader == null) {
            throw new DomainException(VenueError.DEVICE_NOT_FOUND);
        }
        SignInReader.SignIn signIn = reader.read(deviceId, token, body);
        Devices.DeviceRow device = devices.authenticate(deviceId, token).orElseThrow(() -> new DomainException(VenueError.DEVICE_UNAUTHENTICATED));
        return evidence.signIn(signIn, device);
    }

    record DeviceInput(SignInReader.Method kind, String name) {
    }
}
