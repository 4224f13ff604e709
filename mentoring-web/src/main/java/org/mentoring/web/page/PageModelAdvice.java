package org.mentoring.web.page;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person's email and role in every page's model, for the navigation bar. */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

    @ModelAttribute("viewerEmail")
    String viewerEmail() {
        Authentication authentication = signedIn();
        return authentication == null ? null : authentication.getName();
    }

    @ModelAttribute("viewerRole")
    String viewerRole() {
        Authentication authentication = signedIn();
        if (authentication == null) {
            return null;
        }
        String role = null;
        for (var authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if ("ROLE_ADMIN".equals(name)) {
                return "ADMIN";
            }
            if ("ROLE_MENTOR".equals(name)) {
                role = "MENTOR";
            } else if ("ROLE_RESEARCHER".equals(name) && role == null) {
                role = "RESEARCHER";
            }
        }
        return role;
    }

    private static Authentication signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated() ? null : authentication;
    }
}
