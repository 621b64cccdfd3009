package org.sunbid.platform.parties.security;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.PartiesError;

/** API login: exchange a username and password for a bearer token; revoke it; say who the token belongs to. */
@RestController
@RequestMapping("/api/v1")
class TokenApi {

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;

    TokenApi(AuthenticationManager authentication, ApiTokens tokens) {
        this.authentication = authentication;
        this.tokens = tokens;
    }

    record Credentials(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 256) String password) {
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    @PostMapping("/auth/token")
    TokenResponse token(@Valid @RequestBody Credentials credentials) {
        try {
            var result = authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(), credentials.password()));
            AccountDetails account = (AccountDetails) result.getPrincipal();
            ApiTokens.IssuedToken issued = tokens.issue(account.user().accountId());
            return new TokenResponse(issued.token(), "Bearer", issued.expiresAt());
        } catch (LockedException e) {
            throw new DomainException(PartiesError.ACCOUNT_LOCKED);
        } catch (BadCredentialsException | DisabledException e) {
            throw new DomainException(PartiesError.BAD_CREDENTIALS);
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
