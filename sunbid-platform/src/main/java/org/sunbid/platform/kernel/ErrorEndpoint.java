package org.sunbid.platform.kernel;

import java.util.UUID;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page ({@code /error}): what went wrong outside any controller — an exception in a filter (a
 * form body with a broken escape), a {@code sendError} — answered like {@link ProblemHandling} answers: problem+json
 * with a stable code on API paths, the readable error page elsewhere. Nothing of an exception's internals is shown.
 */
@Controller
class ErrorEndpoint implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorEndpoint.class);

    private final Problems problems;
    private final java.util.List<PageModel> pageModels;

    ErrorEndpoint(Problems problems, java.util.List<PageModel> pageModels) {
        this.problems = problems;
        this.pageModels = pageModels;
    }

    /** The common code for an HTTP status that no more specific code explains. */
    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> CommonError.UNAUTHENTICATED;
            case 403 -> CommonError.FORBIDDEN;
            case 404 -> CommonError.NOT_FOUND;
            case 405 -> CommonError.METHOD_NOT_ALLOWED;
            case 415 -> CommonError.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? CommonError.INTERNAL_ERROR : CommonError.MALFORMED_REQUEST;
        };
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int status = code instanceof Integer i ? i : 404;
        if (malformed(exception)) {
            status = 400;
        }
        ProblemDetail problem;
        if (status >= 500) {
            String incident = UUID.randomUUID().toString();
            log.error("incident {} on {} {}", incident, request.getMethod(), uri, exception);
            problem = problems.of(CommonError.INTERNAL_ERROR, incident);
            problem.setProperty("incident", incident);
        } else {
            problem = problems.of(codeFor(status));
        }
        problem.setStatus(status);
        if (uri != null) {
            problem.setInstance(java.net.URI.create(uri.replaceAll("[^A-Za-z0-9/_.~%-]", "")));
        }
        if (uri != null && (uri.startsWith(request.getContextPath() + "/api/") || uri.startsWith(request.getContextPath() + "/v3/"))) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ProblemHandling.errorPage(problem, request, pageModels, problems);
    }

    /** Whether the failure was the request's fault (a parameter or body that could not be decoded). */
    private static boolean malformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidParameterException || t instanceof HttpMessageNotReadableException) {
                return true;
            }
        }
        return false;
    }
}
