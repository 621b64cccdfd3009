package org.sunbid.platform.kernel;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What every page's model holds besides the page's own data — the page header's signed-in user, for one. Controllers
 * get it from their {@code @ModelAttribute} advice; pages built outside a handler (the error pages of
 * {@link ProblemHandling} and {@link ErrorEndpoint}) ask the contributors directly, so an error page keeps the user's
 * header.
 */
public interface PageModel {

    /** Adds this contributor's attributes for {@code request} to {@code model}. */
    void addTo(Map<String, Object> model, HttpServletRequest request);
}
