package org.sunbid.platform.audit;

import java.util.Optional;

/**
 * What a log entry is about, as people read it: implemented by a context that may ask the others (the log itself knows
 * only identifiers). The entry's action tells the subject's kind (a tender for tendering, sealing, evaluation and
 * payments entries, a draw for experts.draw entries, an organisation for parties.organisation entries, ...).
 */
public interface LogSubjects {

    /** The subject's name for people and, where there is one, the page about it; empty when nothing can be shown. */
    Optional<Subject> describe(String action, String subject);

    /** An organisation's name, for the actor column; empty when unknown. */
    Optional<String> organisationName(String organisationId);

    /**
     * A subject as shown.
     *
     * @param label  what people read (project code and name, organisation name, region name)
     * @param href   the page it links to, or null
     */
    record Subject(String label, String href) {
    }
}
