package org.sunbid.platform.kernel;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details with a stable {@code code} property and a message in the caller's language.
 * Used by the exception handlers and by the security entry points, so every error looks the same.
 */
@Component
public class Problems {

    /** The {@code type} URI prefix of every Sunbid problem; the code follows it. */
    public static final String TYPE_PREFIX = "urn:sunbid:problem:";

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    /** The problem for {@code code} with the message arguments {@code args}. */
    public ProblemDetail of(ErrorCode code, Object... args) {
        return of(code, LocaleContextHolder.getLocale(), args);
    }

    /** The problem for {@code code} in {@code locale}. */
    public ProblemDetail of(ErrorCode code, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(code.httpStatus());
        problem.setType(URI.create(TYPE_PREFIX + code.code()));
        problem.setTitle(messages.getMessage("status." + code.httpStatus(), null,
                HttpStatus.valueOf(code.httpStatus()).getReasonPhrase(), locale));
        problem.setDetail(message(code, locale, args));
        problem.setProperty("code", code.code());
        return problem;
    }

    /** A validation problem listing each rejected field with its message. */
    public ProblemDetail validation(List<Map<String, String>> errors) {
        ProblemDetail problem = of(CommonError.VALIDATION_FAILED);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The localised message of {@code code}. */
    public String message(ErrorCode code, Locale locale, Object... args) {
        Object[] localised = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // An enum argument (e.g. why a credit code is wrong) is shown by its label "<Type>.<NAME>", if there is one.
            localised[i] = args[i] instanceof Enum<?> e
                    ? messages.getMessage(e.getDeclaringClass().getSimpleName() + "." + e.name(), null, e.name(), locale)
                    : args[i];
        }
        return messages.getMessage("error." + code.code(), localised, code.code(), locale);
    }

    /** The localised message of {@code code} in the current locale. */
    public String message(ErrorCode code, Object... args) {
        return message(code, LocaleContextHolder.getLocale(), args);
    }

    /** The localised text of message key {@code key} in the current locale (the key itself if there is none). */
    public String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** Whether a request is an API call, answered with problem+json rather than an HTML page. */
    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/v3/");
    }
}
