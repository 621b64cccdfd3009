package org.sunbid.platform.parties.security;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;

/** Loads accounts for login and for API tokens. Accounts are never locked by failed logins ({@link LoginThrottle}). */
@Component
class AccountDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AccountDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.sql("SELECT id, username, display_name, password_hash, role, organisation_id, region_code, enabled"
                        + " FROM account WHERE " + condition)
                .param("key", key)
                .query((rs, i) -> {
                    CurrentUser user = new CurrentUser(rs.getObject("id", UUID.class), rs.getString("username"),
                            rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                            rs.getObject("organisation_id", UUID.class), rs.getString("region_code"));
                    return new AccountDetails(user, rs.getString("password_hash"), rs.getBoolean("enabled"));
                })
                .optional();
    }
}
