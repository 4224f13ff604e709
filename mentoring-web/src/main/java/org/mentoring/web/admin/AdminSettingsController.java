package org.mentoring.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.mentoring.common.InvalidInputException;
import org.mentoring.mentorship.IntroductionSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The programme's settings for coordinators: the first steps every new pair gets with their introduction. The same
 * service as {@code GET}/{@code PUT /api/v1/settings/introduction}.
 */
@Controller
class AdminSettingsController {

    private final IntroductionSettings settings;

    AdminSettingsController(IntroductionSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/admin/settings")
    String page(Model model) {
        if (!model.containsAttribute("firstSteps")) {
            model.addAttribute("firstSteps", settings.firstSteps());
        }
        model.addAttribute("maxFirstSteps", IntroductionSettings.MAX_FIRST_STEPS);
        return "admin/settings";
    }

    @PostMapping("/admin/settings")
    String save(@RequestParam(required = false) String firstSteps, Principal admin, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        try {
            settings.changeFirstSteps(firstSteps, admin.getName(), request.getRemoteAddr());
        } catch (InvalidInputException e) {
            model.addAttribute("firstSteps", firstSteps);
            model.addAttribute("error", e.errors().get(0).message().replaceFirst("^firstSteps:? ", ""));
            return page(model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/settings";
    }
}
