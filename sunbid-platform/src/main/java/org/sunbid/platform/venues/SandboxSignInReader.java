package org.sunbid.platform.venues;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.kernel.ConditionalOnSandbox;
import org.sunbid.platform.kernel.DomainException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox reader adapter: a reader posts JSON
 * ({@code {"method":"CARD","personKind":"EXPERT","personRef":"…","personName":"…","readAt":"…"}}) with its token in
 * the {@code X-Device-Token} header. Exists with the other sandboxes ({@link ConditionalOnSandbox}).
 */
@Component
@ConditionalOnSandbox
class SandboxSignInReader implements SignInReader {

    private final Devices devices;
    private final JsonMapper json;

    SandboxSignInReader(Devices devices, JsonMapper json) {
        this.devices = devices;
        this.json = json;
    }

    @Override
    public SignIn read(UUID deviceId, String credential, String body) {
        Devices.DeviceRow device = devices.authenticate(deviceId, credential)
                .orElseThrow(() -> new DomainException(VenueError.DEVICE_UNAUTHENTICATED));
        JsonNode n;
        try {
            n = json.readTree(body == null ? "" : body);
        } catch (RuntimeException e) {
            throw new DomainException(VenueError.VENUE_FIELD_INVALID, "body");
        }
        try {
            Method method = n.hasNonNull("method") ? Method.valueOf(n.get("method").asString()) : device.kind();
            PersonKind kind = PersonKind.valueOf(n.path("personKind").asString());
            String ref = n.path("personRef").asString("");
            String name = n.path("personName").asString("");
            if (ref.isBlank() || name.isBlank() || ref.length() > 200 || name.length() > 100) {
                throw new DomainException(VenueError.VENUE_FIELD_INVALID, "personRef, personName");
            }
            Instant readAt = n.hasNonNull("readAt") ? Instant.parse(n.get("readAt").asString()) : null;
            return new SignIn(device.id(), method, kind, ref.strip(), name.strip(), readAt);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new DomainException(VenueError.VENUE_FIELD_INVALID, "method, personKind, readAt");
        }
    }
}
