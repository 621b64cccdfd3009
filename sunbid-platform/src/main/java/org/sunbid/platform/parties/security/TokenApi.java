package org.sunbid.platform.parties.security;

import java.net.URI;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Problems;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.PartiesError;

/** API login: exchange a username and password for a bearer token; revoke it; say who the token belongs to. */
@RestController
@RequestMapping("/api/v1")
class TokenApi {

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;
    private final SourceAddresses sources;
    private final Problems problems;

    TokenApi(AuthenticationManager authentication, ApiTokens tokens, SourceAddresses sources, Problems problems) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.sources = sources;
        this.problems = problems;
    }

    record Credentials(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 256) String password) {
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    /** A token for the right password; 401 for a wrong one or an unknown name alike; 429 while throttled. */
    @PostMapping("/auth/token")
    ResponseEntity<?> token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(), credentials.password());
        attempt.setDetails(sources.detailsOf(request));
        try {
            AccountDetails account = (AccountDetails) authentication.authenticate(attempt).getPrincipal();
            ApiTokens.IssuedToken issued = tokens.issue(account.user().accountId());
            return ResponseEntity.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresAt()));
        } catch (ThrottlingAuthenticationProvider.LoginThrottledException e) {
            long seconds = e.retryAfter().toSeconds();
            ProblemDetail problem = problems.of(PartiesError.LOGIN_THROTTLED, seconds);
            problem.setInstance(URI.create(request.getRequestURI()));
            problem.setProperty("retryAfterSeconds", seconds);
            return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        } catch (AuthenticationException e) {
            throw new DomainException(PartiesError.BAD_CREDENTIALS);
        }
    }

    @DeleteMapping("/auth/token")
    ResponseEntity<Void> revoke(HttpServletRequest request, CurrentUser user) {
        String header = request.getHeader("Authorization");
        tokens.revoke(header.substring(7).strip());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    CurrentUser me(CurrentUser user) {
        return user;
    }
}
