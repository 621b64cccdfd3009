package org.sunbid.platform.parties.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.sunbid.platform.parties.CurrentUser;

/** Puts the signed-in user (or null) into every page's model as {@code currentUser}, for the page header. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserModel {

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.current();
    }
}
