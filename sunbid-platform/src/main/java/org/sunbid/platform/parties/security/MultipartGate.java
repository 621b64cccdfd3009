package org.sunbid.platform.parties.security;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing parses a multipart body before the caller is known and its size allowed: Tomcat parses (and spools to disk)
 * a whole multipart body the first time anything asks for a request parameter, and the CSRF filter asks before the
 * authorization rules run. Placed in front of it, this gate answers at once — 401 without a signed-in caller, 403 for
 * a role that may not upload there, 413 without a declared length or beyond the route's limit — without reading the
 * body, and closes the connection.
 */
final class MultipartGate extends OncePerRequestFilter {

    /** A route (Ant pattern), the most a multipart body to it may declare, and the roles that may upload there. */
    record Limit(String pattern, long maxBytes, List<String> roles) {
    }

    private final List<Limit> limits;
    private final long otherwise;
    private final Problems problems;
    private final JsonMapper json;
    private final LocaleResolver locales;
    private final AntPathMatcher matcher = new AntPathMatcher();

    MultipartGate(List<Limit> limits, long otherwise, Problems problems, JsonMapper json, LocaleResolver locales) {
        this.limits = List.copyOf(limits);
        this.otherwise = otherwise;
        this.problems = problems;
        this.json = json;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
            refuse(request, response, problems.of(CommonError.UNAUTHENTICATED, locales.resolveLocale(request)));
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Limit limit = limits.stream().filter(l -> matcher.match(l.pattern(), path)).findFirst()
                .orElse(new Limit(path, otherwise, List.of()));
        if (!limit.roles().isEmpty() && caller.getAuthorities().stream()
                .noneMatch(a -> limit.roles().contains(a.getAuthority().replaceFirst("^ROLE_", "")))) {
            refuse(request, response, problems.of(CommonError.FORBIDDEN, locales.resolveLocale(request)));
            return;
        }
        long max = limit.maxBytes();
        long declared = request.getContentLengthLong();
        if (declared < 0 || declared > max) {
            refuse(request, response, problems.of(CommonError.UPLOAD_TOO_LARGE, locales.resolveLocale(request), max));
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setHeader("Connection", "close"); // the rest of the body is not read
        response.setCharacterEncoding("UTF-8");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemResponses.write(response, problem, json);
        } else { // a page's form: the message itself, readable as it is
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.getWriter().write(problem.getDetail() == null ? problem.getTitle() : problem.getDetail());
        }
    }
}
