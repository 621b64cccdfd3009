package org.sunbid.platform.workbench;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.sunbid.platform.experts.ExpertsError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Problems;

/**
 * A refusal as a page shows it: the API's message, with the experts context's field names and state words
 * ({@code evaluationStart}, {@code LATE}, {@code avoid: 张三}) put into words the user knows ({@code arg.*} keys).
 */
@Component
class PageMessages {

    private final Problems problems;
    private final MessageSource messages;

    PageMessages(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    String of(DomainException e) {
        Object[] args = e.arguments();
        if (e.errorCode() instanceof ExpertsError) {
            Locale locale = LocaleContextHolder.getLocale();
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof String s) {
                    int colon = s.indexOf(": ");
                    String name = colon < 0 ? s : s.substring(0, colon);
                    Object[] rest = colon < 0 ? new Object[0] : new Object[] {s.substring(colon + 2)};
                    // An application's field may read differently from a draw request's of the same name.
                    String general = messages.getMessage("arg." + name, rest, s, locale);
                    args[i] = e.errorCode() == ExpertsError.EXPERT_INVALID
                            ? messages.getMessage("arg.expert." + name, rest, general, locale) : general;
                }
            }
        }
        return problems.message(e.errorCode(), args);
    }
}
