package org.sunbid.platform.parties.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.LocaleResolver;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.Problems;
import tools.jackson.databind.json.JsonMapper;

/** 401, 403 and firewall refusals for the API as problem+json, in the same shape as every other error. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthenticated(Problems problems, JsonMapper json, LocaleResolver locales) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, problems.of(CommonError.UNAUTHENTICATED, locales.resolveLocale(request)), json);
        };
    }

    static AccessDeniedHandler forbidden(Problems problems, JsonMapper json, LocaleResolver locales) {
        return (request, response, e) -> write(response,
                problems.of(CommonError.FORBIDDEN, locales.resolveLocale(request)), json);
    }

    /**
     * A request the firewall refuses (an encoded slash, a semicolon, a null byte, a traversal in the path): a 400
     * problem for the API, the error page for the web UI, before any controller sees it.
     */
    static RequestRejectedHandler rejected(Problems problems, JsonMapper json, LocaleResolver locales) {
        return (request, response, e) -> {
            if (Problems.isApi(request)) {
                write(response, problems.of(CommonError.MALFORMED_REQUEST, locales.resolveLocale(request)), json);
            } else {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            }
        };
    }

    /** Writes {@code problem} as the response's problem+json body (status, type, title, detail and its properties). */
    static void write(HttpServletResponse response, ProblemDetail problem, JsonMapper json) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.getWriter().write(json.writeValueAsString(body));
    }
}
