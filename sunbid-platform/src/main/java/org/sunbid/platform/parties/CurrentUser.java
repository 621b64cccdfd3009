package org.sunbid.platform.parties;

import java.util.UUID;

import org.sunbid.platform.kernel.Actor;

/**
 * The signed-in account making a request. Controllers of any context declare a parameter of this type to get it.
 *
 * @param accountId      the account
 * @param username       its login name
 * @param displayName    the person's name
 * @param role           what the account may do
 * @param organisationId its organisation, null for accounts without one (administrator, some experts)
 * @param regionCode     the region whose subtree a staff member or supervisor may see
 */
public record CurrentUser(UUID accountId, String username, String displayName, Role role, UUID organisationId,
        String regionCode) {

    /** Implemented by the security principal that carries a signed-in user. */
    public interface Holder {
        CurrentUser user();
    }

    /** The user signed in on this request, or null for the public. */
    public static CurrentUser current() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Holder holder ? holder.user() : null;
    }

    /** This user as the actor recorded on a change. */
    public Actor actor() {
        return new Actor(username, accountId, organisationId);
    }

    /** Whether this user sees every region (the administrator). */
    public boolean seesAllRegions() {
        return role == Role.ADMINISTRATOR;
    }

    /** Whether this user sees what lies in its region's subtree (trading-centre staff and supervisors). */
    public boolean seesRegionSubtree() {
        return role == Role.CENTRE_STAFF || role == Role.SUPERVISOR;
    }
}
