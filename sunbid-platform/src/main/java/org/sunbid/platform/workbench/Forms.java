package org.sunbid.platform.workbench;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Starts the {@link FormErrors} of a submitted form, in the request's language. */
@Component
class Forms {

    private final MessageSource messages;

    Forms(MessageSource messages) {
        this.messages = messages;
    }

    FormErrors errors() {
        return new FormErrors(messages);
    }
}
