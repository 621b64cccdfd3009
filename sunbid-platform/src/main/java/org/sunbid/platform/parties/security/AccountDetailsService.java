package org.sunbid.platform.parties.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;

/** Loads accounts for login; an account is locked while {@code locked_until} lies in the future. */
@Component
class AccountDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountDetailsService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public AccountDetails loadUserByUsername(String username) {
        return load("username = :key", username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    Optional<AccountDetails> loadById(UUID id) {
        return load("id = :key", id);
    }

    private Optional<AccountDetails> load(String condition, Object key) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("SELECT id, username, display_name, password_hash, role, organisation_id, region_code, enabled,"
                        + " locked_until FROM account WHERE " + condition)
                .param("key", key)
                .query((rs, i) -> {
                    OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
                    CurrentUser user = new CurrentUser(rs.getObject("id", UUID.class), rs.getString("username"),
                            rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                            rs.getObject("organisation_id", UUID.class), rs.getString("region_code"));
                    return new AccountDetails(user, rs.getString("password_hash"), rs.getBoolean("enabled"),
                            lockedUntil == null || !lockedUntil.isAfter(now));
                })
                .optional();
    }
}
