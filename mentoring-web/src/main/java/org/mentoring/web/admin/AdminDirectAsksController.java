package org.mentoring.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.mentoring.api.security.Viewer;
import org.mentoring.directask.DirectAskService;
import org.mentoring.directask.DirectAskSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator's view of direct asks: those waiting for a mentor's answer, and the switch that allows them. */
@Controller
class AdminDirectAsksController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final DirectAskService asks;
    private final DirectAskSettings settings;

    AdminDirectAsksController(DirectAskService asks, DirectAskSettings settings) {
        this.asks = asks;
        this.settings = settings;
    }

    @GetMapping("/admin/direct-asks")
    String page(Model model) {
        Viewer.current().requireAdmin();
        model.addAttribute("asks", asks.pending());
        model.addAttribute("enabled", settings.enabled());
        model.addAttribute("when", new When());
        return "admin/direct-asks";
    }

    @PostMapping("/admin/direct-asks/settings")
    String change(@RequestParam boolean enabled, HttpServletRequest http, RedirectAttributes redirect) {
        Viewer viewer = Viewer.current();
        viewer.requireAdmin();
        settings.setEnabled(enabled, viewer.email(), http.getRemoteAddr());
        redirect.addFlashAttribute("changed", enabled ? "Direct asks are on: researchers with an open request may"
                + " ask one mentor at a time." : "Direct asks are off: researchers see no ask button; asks already"
                + " made wait for their answers.");
        return "redirect:/admin/direct-asks";
    }

    /** Formats instants on the page. */
    static final class When {
        public String format(Instant instant) {
            return instant == null ? "" : WHEN.format(instant);
        }
    }
}
