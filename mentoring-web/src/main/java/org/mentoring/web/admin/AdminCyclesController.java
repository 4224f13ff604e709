package org.mentoring.web.admin;

import java.security.Principal;
import java.util.Map;
import org.mentoring.common.InvalidInputException;
import org.mentoring.cycles.Cycle;
import org.mentoring.cycles.CycleInput;
import org.mentoring.cycles.CycleService;
import org.mentoring.web.page.FieldErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The programme's cycles for coordinators: each with its dates and whether it is open for requests today, and a form
 * to add one. The same service as {@code /api/v1/cycles}.
 */
@Controller
class AdminCyclesController {

    private final CycleService cycles;

    AdminCyclesController(CycleService cycles) {
        this.cycles = cycles;
    }

    @GetMapping("/admin/cycles")
    String page(Model model) {
        return render(model, new CycleInput("", "", "", "", "", ""), Map.of());
    }

    @PostMapping("/admin/cycles")
    String create(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String requestsOpen,
            @RequestParam(defaultValue = "") String requestsClose,
            @RequestParam(defaultValue = "") String startsOn, @RequestParam(defaultValue = "") String endsOn,
            Principal admin, Model model) {
        CycleInput input = new CycleInput(code, name, requestsOpen, requestsClose, startsOn, endsOn);
        try {
            Cycle created = cycles.create(input, admin.getName());
            return "redirect:/admin/cycles?created=" + created.code();
        } catch (InvalidInputException e) {
            return render(model, input, FieldErrors.byField(e));
        }
    }

    private String render(Model model, CycleInput form, Map<String, String> errors) {
        model.addAttribute("calendar", cycles.calendar());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/cycles";
    }
}
