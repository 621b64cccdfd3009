package org.sunbid.platform.credit;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;

/** Who may act on a record: its subject organisation's staff; a supervisor of its region (the issuing body's); who sees it. */
@Component
class CreditAccess {

    private final Organisations organisations;
    private final Regions regions;

    CreditAccess(Organisations organisations, Regions regions) {
        this.organisations = organisations;
        this.regions = regions;
    }

    /** Whether {@code user} is staff of the organisation the record is about. */
    boolean isSubject(CurrentUser user, CreditRecordView r) {
        if (user == null || user.organisationId() == null || r.subject().kind() != CreditSubject.Kind.ORGANISATION) {
            return false;
        }
        return organisations.find(user.organisationId()).map(o -> o.creditCode().value().equals(r.subject().key())).orElse(false);
    }

    /** The organisation of {@code user}, or null. */
    Organisation organisationOf(CurrentUser user) {
        return user == null || user.organisationId() == null ? null : organisations.find(user.organisationId()).orElse(null);
    }

    /** Whether {@code user} is a supervisor of the record's region (or of a region above it). */
    boolean supervises(CurrentUser user, String regionCode) {
        return user != null && user.role() == Role.SUPERVISOR && regionCode != null && user.regionCode() != null
                && regions.isWithin(regionCode, user.regionCode());
    }

    /** Whether {@code user} sees the steps taken on a record of {@code regionCode}: administrators, region staff and supervisors. */
    boolean oversees(CurrentUser user, String regionCode) {
        if (user == null) {
            return false;
        }
        if (user.seesAllRegions()) {
            return true;
        }
        return user.seesRegionSubtree() && regionCode != null && user.regionCode() != null && regions.isWithin(regionCode, user.regionCode());
    }

    /**
     * The record for its subject's step: not found unless the caller may see it (published, or its own); a published
     * record of someone else: CREDIT_NOT_OWN_RECORD.
     */
    CreditRecordView ownRecord(CreditRecords records, UUID recordId, CurrentUser user, java.time.Instant now) {
        CreditRecordView r = records.find(recordId).orElseThrow(() -> new DomainException(CreditError.CREDIT_RECORD_NOT_FOUND, recordId));
        if (isSubject(user, r)) {
            return r;
        }
        if (r.publishedAt(now) || oversees(user, r.regionCode())) {
            throw new DomainException(CreditError.CREDIT_NOT_OWN_RECORD);
        }
        throw new DomainException(CreditError.CREDIT_RECORD_NOT_FOUND, recordId);
    }
}
