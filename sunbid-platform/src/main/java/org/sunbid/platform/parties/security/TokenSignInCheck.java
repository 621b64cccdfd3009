package org.sunbid.platform.parties.security;

import org.springframework.stereotype.Component;
import org.sunbid.platform.parties.SignInCheck;

/** {@link SignInCheck} by the bearer-token filter's own lookup (same cache, same rules). */
@Component
class TokenSignInCheck implements SignInCheck {

    private final ApiTokens tokens;
    private final AccountDetailsService accounts;

    TokenSignInCheck(ApiTokens tokens, AccountDetailsService accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    public boolean tokenStillValid(String token) {
        return token != null && tokens.resolve(token, accounts::loadById).filter(AccountDetails::isEnabled).isPresent();
    }
}
