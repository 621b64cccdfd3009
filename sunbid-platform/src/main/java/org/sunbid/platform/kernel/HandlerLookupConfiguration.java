package org.sunbid.platform.kernel;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup, path first (issue 21). A request whose path has a variable ({@code /api/v1/tenders/{id}/bids})
 * has no direct-path entry, so Spring tries every one of the platform's ~580 mappings, and for each it checks the
 * method, parameters, headers, consumed and produced types before the path; every one of those goes through the
 * security filters' request wrappers. In the deadline surge that was about a quarter of the request threads' CPU
 * samples. Here the path is checked first, and a mapping whose path does not match is passed over at once. The result
 * is the same: a mapping matches only if all of its conditions match, in any order; Spring's 404/405/406/415 answers
 * for a request no mapping matches are computed separately and do not depend on this.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookupConfiguration {

    @Bean
    WebMvcRegistrations pathFirstHandlerLookup() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstHandlerMapping();
            }
        };
    }

    /**
     * {@link RequestMappingHandlerMapping} that passes over a mapping whose path patterns do not match first. The
     * request's parsed path is read once per lookup (not once per mapping through the filters' request wrappers) and
     * each pattern is matched as {@link PathPatternsRequestCondition#getMatchingCondition} does, without building the
     * sorted set of matches for a mapping that is then dropped.
     */
    static final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

        private final ThreadLocal<PathContainer> path = new ThreadLocal<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            path.set(ServletRequestPathUtils.hasParsedRequestPath(request)
                    ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication() : null);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                path.remove();
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths != null) {
                PathContainer requested = path.get();
                if (requested == null) {
                    if (paths.getMatchingCondition(request) == null) {
                        return null;
                    }
                } else if (!matchesAny(paths, requested)) {
                    return null;
                }
            }
            return super.getMatchingMapping(info, request);
        }

        private static boolean matchesAny(PathPatternsRequestCondition paths, PathContainer requested) {
            for (PathPattern pattern : paths.getPatterns()) {
                if (pattern.matches(requested)) {
                    return true;
                }
            }
            return false;
        }
    }
}
