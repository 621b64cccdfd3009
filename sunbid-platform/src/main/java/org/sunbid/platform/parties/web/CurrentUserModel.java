package org.sunbid.platform.parties.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.security.ReturnTo;

/**
 * Puts the signed-in user (or null) into every page's model as {@code currentUser}, for the page header, and the page's
 * own path as {@code currentPath} (for the header's "sign in" link, so that signing in returns here); error pages get
 * both through {@link org.sunbid.platform.kernel.PageModel}.
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserModel implements org.sunbid.platform.kernel.PageModel {

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.current();
    }

    @Override
    public void addTo(java.util.Map<String, Object> model, HttpServletRequest request) {
        model.put("currentUser", currentUser());
        model.put("currentPath", currentPath(request));
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        String full = query == null ? path : path + "?" + query;
        return ReturnTo.isSafe(full) && !"/".equals(path) ? full : null;
    }
}
