package org.sunbid.platform.parties.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where a sign-in returns to: the {@code continue} parameter (the page whose "sign in" link was used) when it is a
 * relative path on this site, else the page that asked for it (the request Spring Security saved when it sent the
 * visitor to the login page), else the workbench.
 * Nothing else is followed: an absolute URL, {@code //host}, a backslash or a control character would lead off the
 * site (an open redirect), so such a parameter is ignored.
 */
public final class ReturnTo implements AuthenticationSuccessHandler {

    /** The login form's field and the login page's query parameter naming the page to return to. */
    public static final String PARAMETER = "continue";

    private final RequestCache requests = new HttpSessionRequestCache();

    /** Whether {@code path} is a same-site relative path that a sign-in may return to. */
    public static boolean isSafe(String path) {
        if (path == null || path.isEmpty() || path.length() > 2000 || path.charAt(0) != '/') {
            return false;
        }
        if (path.startsWith("//") || path.startsWith("/login") || path.startsWith("/logout")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        SavedRequest saved = requests.getRequest(request, response);
        String asked = request.getParameter(PARAMETER);
        String target;
        if (isSafe(asked)) {
            target = request.getContextPath() + asked;
            requests.removeRequest(request, response);
        } else if (saved != null) {
            target = saved.getRedirectUrl();
        } else {
            target = request.getContextPath() + "/workbench";
        }
        response.sendRedirect(response.encodeRedirectURL(target));
    }
}
