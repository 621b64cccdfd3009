package org.sunbid.platform.parties.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.security.ReturnTo;

/**
 * Puts the signed-in user (or null) into every page's model as {@code currentUser}, for the page header, and the page's
 * own path as {@code currentPath} (for the header's "sign in" link, so that signing in returns here); error pages get
 * both through {@link org.sunbid.platform.kernel.PageModel}.
 *
 * <p>Issue 21: added after the handler, to a page's model only (a view that is not a redirect), rather than by a
 * {@code @ModelAttribute} advice. The advice ran on every API call too ({@code @RestController} is a
 * {@code @Controller}): per request Spring MVC tested its applicability, built two handler methods, resolved their
 * arguments and invoked them by reflection, for a model that an API answer never renders (about 6 % of the request
 * threads' samples in a deadline surge). No controller reads either attribute; the templates see the same model.
 */
@Configuration(proxyBeanMethods = false)
class CurrentUserModel implements org.sunbid.platform.kernel.PageModel, HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || redirect(page)) {
            return; // an API answer or a body written by the handler: no model; a redirect's model becomes its query
        }
        // a handler's own attribute of the same name is kept, as the advice's was overwritten by it
        page.getModelMap().putIfAbsent("currentUser", currentUser());
        page.getModelMap().putIfAbsent("currentPath", currentPath(request));
    }

    private static boolean redirect(ModelAndView page) {
        String name = page.getViewName();
        return name != null ? name.startsWith("redirect:") : page.getView() instanceof SmartView view && view.isRedirectView();
    }

    @Override
    public void addTo(java.util.Map<String, Object> model, HttpServletRequest request) {
        model.put("currentUser", currentUser());
        model.put("currentPath", currentPath(request));
    }

    CurrentUser currentUser() {
        return CurrentUser.current();
    }

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
