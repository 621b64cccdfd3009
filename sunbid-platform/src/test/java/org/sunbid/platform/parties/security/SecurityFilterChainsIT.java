package org.sunbid.platform.parties.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.servlet.Filter;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.sunbid.platform.PlatformIT;

/**
 * Issue 21: without Spring Security's observations (SecurityConfiguration#securityObservationSettings) the two chains
 * hold the same filters, in the same order, and the API's authorization is decided by its URL rules directly (no
 * observing wrapper in between). What the filters let through is AccessMatrixIT's.
 */
class SecurityFilterChainsIT extends PlatformIT {

    @Autowired
    List<SecurityFilterChain> chains;

    private static List<Class<?>> classes(SecurityFilterChain chain) {
        return chain.getFilters().stream().<Class<?>>map(Filter::getClass).toList();
    }

    @Test
    void theApiChainRunsItsFiltersUnwrapped() {
        assertThat(chains).hasSize(2);
        SecurityFilterChain api = chains.get(0);
        assertThat(classes(api)).containsSubsequence(SecurityContextHolderFilter.class, HeaderWriterFilter.class,
                BearerTokenFilter.class, MultipartGate.class, AnonymousAuthenticationFilter.class,
                ExceptionTranslationFilter.class, AuthorizationFilter.class).doesNotContain(CsrfFilter.class);
        AuthorizationFilter authorization = api.getFilters().stream().filter(AuthorizationFilter.class::isInstance)
                .map(AuthorizationFilter.class::cast).findFirst().orElseThrow();
        assertThat(authorization.getAuthorizationManager()).isInstanceOf(RequestMatcherDelegatingAuthorizationManager.class);
        assertThat(api.getFilters()).allSatisfy(f -> assertThat(f.getClass().getName()).doesNotContain("Observation"));

        SecurityFilterChain web = chains.get(1);
        assertThat(classes(web)).containsSubsequence(SecurityContextHolderFilter.class, HeaderWriterFilter.class,
                MultipartGate.class, CsrfFilter.class, AnonymousAuthenticationFilter.class, ExceptionTranslationFilter.class,
                AuthorizationFilter.class);
    }
}
