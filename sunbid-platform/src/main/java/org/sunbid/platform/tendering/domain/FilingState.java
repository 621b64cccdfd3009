package org.sunbid.platform.tendering.domain;

import java.util.List;

import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.tendering.TenderingError;

/**
 * Where a draft's filing (招标文件备案) stands for publication: what the region requires, the latest filing, and whether
 * it covers the documents as they are now (a document added after the filing needs a new one).
 *
 * @param requirement what the tender's region requires
 * @param latest      the latest filing, or null
 * @param current     whether {@code latest} covers the documents as they are now
 */
public record FilingState(FilingRequirement requirement, TenderFiling latest, boolean current) {

    /** Filing not required: publication is decided by the other rules alone. */
    public static final FilingState NOT_REQUIRED = new FilingState(FilingRequirement.NONE, null, false);

    /** The state of a tender whose documents are {@code documents} now. */
    public static FilingState of(FilingRequirement requirement, TenderFiling latest, List<TenderFiling.FiledDocument> documents) {
        return new FilingState(requirement, latest, latest != null && latest.covers(documents));
    }

    /** Whether the documents as they are now are filed and accepted (or need not be). */
    public boolean allowsPublication() {
        return refusal() == null;
    }

    /**
     * Why publication is refused for want of filing, or null: the region requires filing and the documents as they are
     * now were never filed, or changed since ({@code FILING_REQUIRED}); or their filing is pending or returned
     * ({@code FILING_NOT_ACCEPTED}).
     */
    public DomainException refusal() {
        if (!requirement.required()) {
            return null;
        }
        if (latest == null || !current) {
            return new DomainException(TenderingError.FILING_REQUIRED, requirement.basis());
        }
        return switch (latest.status()) {
            case ACCEPTED -> null;
            case PENDING -> new DomainException(TenderingError.FILING_NOT_ACCEPTED, requirement.basis());
            case RETURNED -> new DomainException(TenderingError.FILING_RETURNED, latest.reasons());
        };
    }
}
