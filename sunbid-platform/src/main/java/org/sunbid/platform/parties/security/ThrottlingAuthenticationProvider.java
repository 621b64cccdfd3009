package org.sunbid.platform.parties.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password login throttled by source and account ({@link LoginThrottle}), never locked: a refused attempt is answered
 * at once without checking its password; every wrong password is a {@link SecurityEvents security event} for the
 * administrators, and nothing about logins reaches the public log. An unknown name costs the same Argon2 hash as a
 * wrong password (Spring's timing-attack protection) and gets the same answer; a disabled account is told only after
 * its password was right. Web and API logins share this provider.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottlingAuthenticationProvider.class);

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final SecurityEvents events;

    ThrottlingAuthenticationProvider(AccountDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle,
            SecurityEvents events) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        // Disabled is said only to whoever knows the password, so it reveals nothing about an account to a guesser.
        this.passwords.setPreAuthenticationChecks(account -> { });
        this.passwords.setPostAuthenticationChecks(account -> {
            if (!account.isEnabled()) {
                throw new DisabledException("account disabled");
            }
        });
        this.throttle = throttle;
        this.events = events;
    }

    /** A login refused because its source or account is throttled; try again after {@link #retryAfter()}. */
    static final class LoginThrottledException extends AuthenticationException {

        private final Duration retryAfter;

        LoginThrottledException(Duration retryAfter) {
            super("too many failed logins: retry after " + retryAfter);
            this.retryAfter = retryAfter;
        }

        /** How long to wait, rounded up to whole seconds. */
        Duration retryAfter() {
            return Duration.ofSeconds(retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getName()).strip().toLowerCase(Locale.ROOT);
        String source = authentication.getDetails() instanceof SourceAddresses.LoginSource s ? s.address() : "unknown";
        String sourceKey = SourceAddresses.throttleKey(source);
        Optional<Duration> wait = throttle.refusal(sourceKey, username);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username);
            return result;
        } catch (BadCredentialsException e) {
            LoginThrottle.Failure failure = throttle.failed(sourceKey, username);
            events.record(SecurityEvents.Kind.LOGIN_FAILED, source, username, failure.sourceFailures(), null);
            failure.sourceRefused().ifPresent(d -> {
                events.record(SecurityEvents.Kind.SOURCE_THROTTLED, source, username, failure.sourceFailures(), d);
                log.warn("login source {} throttled for {} after {} failed logins", source, d, failure.sourceFailures());
            });
            failure.accountDelayed().ifPresent(d ->
                    events.record(SecurityEvents.Kind.ACCOUNT_THROTTLED, source, username, failure.accountFailures(), d));
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
