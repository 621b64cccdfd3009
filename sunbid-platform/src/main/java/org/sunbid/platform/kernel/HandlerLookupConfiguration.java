package org.sunbid.platform.kernel;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

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

    /** {@link RequestMappingHandlerMapping} that passes over a mapping whose path patterns do not match first. */
    static final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths != null && paths.getMatchingCondition(request) == null) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }
    }
}
