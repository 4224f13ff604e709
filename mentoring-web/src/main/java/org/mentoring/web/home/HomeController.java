package org.mentoring.web.home;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends each signed-in person to their own page. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        var roles = authentication.getAuthorities().stream().map(a -> a.getAuthority()).toList();
        if (roles.contains("ROLE_ADMIN")) {
            return "redirect:/admin";
        }
        if (roles.contains("ROLE_MENTOR")) {
            return "redirect:/mentor";
        }
        return "redirect:/my-request";
    }
}
