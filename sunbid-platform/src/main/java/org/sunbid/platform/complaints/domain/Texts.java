package org.sunbid.platform.complaints.domain;

import org.sunbid.platform.complaints.ComplaintsError;
import org.sunbid.platform.kernel.DomainException;

/** Required free texts: stripped, refused when blank. */
final class Texts {

    private Texts() {
    }

    /** Refuses a step whose rule the lot's procedure does not have. */
    static void applicable(org.sunbid.platform.deals.domain.ProcedureRules rules, String key) {
        if (rules.find(key).isEmpty()) {
            throw new DomainException(ComplaintsError.COMPLAINTS_NOT_APPLICABLE, key);
        }
    }

    static String required(String text, String field) {
        return required(text, field, ComplaintsError.COMPLAINTS_TEXT_REQUIRED);
    }

    static String required(String text, String field, ComplaintsError error) {
        if (text == null || text.isBlank()) {
            throw new DomainException(error, field);
        }
        if (text.length() > 20000) {
            throw new DomainException(ComplaintsError.COMPLAINTS_TEXT_REQUIRED, field);
        }
        return text.strip();
    }
}
