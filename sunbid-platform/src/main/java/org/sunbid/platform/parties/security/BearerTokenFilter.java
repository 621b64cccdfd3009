package org.sunbid.platform.parties.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <token>}. An unknown, expired or revoked token,
 * or one whose account is disabled, leaves the request anonymous, so protected endpoints answer 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AccountDetailsService accounts;

    BearerTokenFilter(ApiTokens tokens, AccountDetailsService accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            tokens.resolve(token, accounts::loadById)
                    .filter(AccountDetails::isEnabled)
                    .ifPresent(account -> {
                        account.eraseCredentials();
                        var authentication = UsernamePasswordAuthenticationToken.authenticated(account, token,
                                account.getAuthorities());
                        SecurityContextHolder.getContext().setAuthentication(authentication);
                    });
        }
        chain.doFilter(request, response);
    }
}
