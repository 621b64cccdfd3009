package org.sunbid.platform.supervision;

import java.util.List;

import org.springframework.stereotype.Component;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;

/**
 * Who sees and does what with supervision's records, as parties does it for organisations: the administrator sees
 * everything; trading-centre staff and supervisors what lies in their region's subtree (out of it: not found); an
 * owner (招标人/采购人 staff) its own organisation's records; only the region's supervisor decides. Public for
 * supervision's own sub-packages (warnings, screening, evidence), which scope their records the same way.
 */
@Component
public class Scope {

    private final Regions regions;
    private final Organisations organisations;

    Scope(Regions regions, Organisations organisations) {
        this.regions = regions;
        this.organisations = organisations;
    }

    /** Whether {@code user} may see a record of {@code owner} in {@code regionCode}. */
    public boolean sees(CurrentUser user, java.util.UUID owner, String regionCode) {
        if (user == null) {
            return false;
        }
        if (user.seesAllRegions()) {
            return true;
        }
        if (user.seesRegionSubtree()) {
            return regions.isWithin(regionCode, user.regionCode());
        }
        return user.organisationId() != null && user.organisationId().equals(owner);
    }

    /** Whether {@code user} is the supervisor of {@code regionCode} (a supervisor whose subtree holds it). */
    public boolean supervises(CurrentUser user, String regionCode) {
        return user != null && user.role() == Role.SUPERVISOR && regions.isWithin(regionCode, user.regionCode());
    }

    /** The codes {@code user} watches (null: every region); an owner watches none. */
    public List<String> watched(CurrentUser user) {
        if (user.seesAllRegions()) {
            return null;
        }
        if (user.seesRegionSubtree()) {
            return regions.subtreeCodes(user.regionCode());
        }
        return List.of();
    }

    /** The owner organisation {@code user} acts for: a tenderee's (purchaser's) staff only. */
    public Organisation owner(CurrentUser user) {
        if (user.role() != Role.TENDEREE || user.organisationId() == null) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        return organisations.find(user.organisationId()).orElseThrow(() -> new DomainException(CommonError.FORBIDDEN));
    }

    public Region region(String code) {
        return regions.get(code);
    }
}
