package org.sunbid.platform.parties.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;

/**
 * The page header's model ({@code currentUser}, {@code currentPath}) is added to pages, after the handler: to every
 * view that is not a redirect, never to an API answer (no model) or a redirect (its model would become its query), and
 * never over a handler's own attribute of the same name.
 */
class CurrentUserModelTest {

    private final CurrentUserModel model = new CurrentUserModel();

    record Principal(CurrentUser user) implements CurrentUser.Holder {
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static MockHttpServletRequest get(String uri, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setQueryString(query);
        return request;
    }

    @Test
    void aPageGetsTheSignedInUserAndItsOwnPath() {
        CurrentUser user = new CurrentUser(UUID.randomUUID(), "bidder1", "投标人一", Role.BIDDER, UUID.randomUUID(), "320000");
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(new Principal(user), null, "ROLE_BIDDER"));
        ModelAndView page = new ModelAndView("tender");
        model.postHandle(get("/tenders/x", "lang=en"), new MockHttpServletResponse(), new Object(), page);
        assertThat(page.getModel()).containsEntry("currentUser", user).containsEntry("currentPath", "/tenders/x?lang=en");
    }

    @Test
    void thePublicGetsNullAndAPostNoPath() {
        ModelAndView page = new ModelAndView("tender");
        model.postHandle(new MockHttpServletRequest("POST", "/workbench/tenders/x"), new MockHttpServletResponse(), new Object(), page);
        assertThat(page.getModel()).containsEntry("currentUser", null).containsEntry("currentPath", null);

        ModelAndView home = new ModelAndView("index"); // the home page links to the plain login
        model.postHandle(get("/", null), new MockHttpServletResponse(), new Object(), home);
        assertThat(home.getModel()).containsEntry("currentPath", null);
    }

    @Test
    void redirectsAndApiAnswersGetNothing() {
        ModelAndView byName = new ModelAndView("redirect:/workbench");
        model.postHandle(get("/workbench/x", null), new MockHttpServletResponse(), new Object(), byName);
        assertThat(byName.getModel()).isEmpty();

        ModelAndView byView = new ModelAndView(new RedirectView("/workbench"));
        model.postHandle(get("/workbench/x", null), new MockHttpServletResponse(), new Object(), byView);
        assertThat(byView.getModel()).isEmpty();

        model.postHandle(get("/api/v1/tenders", null), new MockHttpServletResponse(), new Object(), null); // no model: nothing to do
    }

    @Test
    void aHandlersOwnAttributeIsKept() {
        ModelAndView page = new ModelAndView("login");
        page.addObject("currentPath", "/set-by-the-handler");
        model.postHandle(get("/login", null), new MockHttpServletResponse(), new Object(), page);
        assertThat(page.getModel()).containsEntry("currentPath", "/set-by-the-handler");
    }
}
