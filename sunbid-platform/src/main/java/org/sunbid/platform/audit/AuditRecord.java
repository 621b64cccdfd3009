package org.sunbid.platform.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.sunbid.platform.kernel.Actor;

/**
 * What a context asks the log to record about one command.
 *
 * @param action      what happened, {@code <context>.<thing>.<past tense>}, e.g. {@code parties.organisation.registered}
 * @param subject     what it happened to (an id, a code)
 * @param regionCode  the region it belongs to, null if none
 * @param actor       who did it
 * @param payload     the facts, as canonical-JSON values (String, Long/Integer, Boolean, null, Map, List); never a
 *                    password, key or other secret that must never be published
 * @param sealedUntil until when the details and payload stay unpublished (only a commitment is public); null for now
 */
public record AuditRecord(String action, String subject, String regionCode, Actor actor, Map<String, Object> payload,
        Instant sealedUntil) {

    public AuditRecord {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        payload = payload == null ? Map.of() : payload;
    }

    /** A record published at once. */
    public static AuditRecord of(String action, String subject, String regionCode, Actor actor, Map<String, Object> payload) {
        return new AuditRecord(action, subject, regionCode, actor, payload, null);
    }

    /**
     * "Sealed until revealed": for secrets whose end cannot be known when they are logged (the deadline may still move).
     * The owning context discloses them later in a public entry that repeats the salted details.
     */
    public static final Instant UNTIL_REVEALED = Instant.parse("9999-12-31T00:00:00Z");

    /** The same record, sealed until revealed by a later entry. */
    public AuditRecord sealed() {
        return sealedUntil(UNTIL_REVEALED);
    }

    /** The same record, kept sealed until {@code until} (a time that can no longer move). */
    public AuditRecord sealedUntil(Instant until) {
        return new AuditRecord(action, subject, regionCode, actor, payload, until);
    }
}
