package org.sunbid.platform.parties.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.SunbidProperties;

/**
 * Password login with lock-out: after {@code sunbid.security.max-failed-logins} wrong passwords in a row the account is
 * locked for {@code sunbid.security.lockout}. A locked account is refused before its password is checked, so guessing
 * on cannot unlock it; a successful login resets the count. Web and API logins share this provider.
 */
class LockoutAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(LockoutAuthenticationProvider.class);

    private final DaoAuthenticationProvider passwords;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SunbidProperties.Security settings;
    private final AuditLog auditLog;

    LockoutAuthenticationProvider(AccountDetailsService accounts, PasswordEncoder encoder, JdbcClient jdbc,
            TransactionTemplate tx, Clock clock, SunbidProperties.Security settings, AuditLog log) {
        this.auditLog = log;
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getName()).strip().toLowerCase(Locale.ROOT);
        try {
            Authentication result = passwords.authenticate(authentication);
            tx.executeWithoutResult(s -> jdbc.sql(
                    "UPDATE account SET failed_logins = 0, locked_until = NULL WHERE username = :u"
                    + " AND (failed_logins > 0 OR locked_until IS NOT NULL)")
                    .param("u", username).update());
            return result;
        } catch (BadCredentialsException e) {
            recordFailure(username);
            throw e;
        }
    }

    private void recordFailure(String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        tx.executeWithoutResult(s -> {
            Integer failures = jdbc.sql("UPDATE account SET failed_logins = failed_logins + 1 WHERE username = :u"
                            + " RETURNING failed_logins")
                    .param("u", username).query(Integer.class).optional().orElse(null);
            if (failures != null && failures >= settings.maxFailedLogins()) {
                jdbc.sql("UPDATE account SET failed_logins = 0, locked_until = :until WHERE username = :u")
                        .param("until", now.plus(settings.lockout())).param("u", username).update();
                auditLog.append(AuditRecord.of("parties.account.locked", username, null, Actor.SYSTEM,
                        java.util.Map.of("username", username, "failedLogins", failures,
                                "lockedUntil", now.plus(settings.lockout()).toInstant().toString())));
                log.warn("account {} locked for {} after {} failed logins", username, settings.lockout(), failures);
            }
        });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
