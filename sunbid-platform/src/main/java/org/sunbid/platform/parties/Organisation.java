package org.sunbid.platform.parties;

import java.util.UUID;

/**
 * An organisation (单位) as other contexts see it.
 *
 * @param id          its identity
 * @param creditCode  its unified social credit code
 * @param name        its registered name
 * @param kind        what it is to the platform
 * @param regionCode  the region it belongs to
 * @param blacklisted whether it is barred from registering for deals (set by the credit context later)
 */
public record Organisation(UUID id, UnifiedSocialCreditCode creditCode, String name, OrganisationKind kind,
        String regionCode, boolean blacklisted) {
}
