package org.mentoring.web.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mentoring.dashboard.AttentionService;
import org.mentoring.dashboard.Demand;
import org.mentoring.dashboard.DemandService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The coordinator's overview: who is waiting, who can mentor, and where demand outruns the free places; and what the
 * application could not finish by itself. The core services say it; {@code GET /api/v1/admin/attention} and
 * {@code GET /api/v1/admin/demand} say the same.
 */
@Controller
class AdminDashboardController {

    private final AttentionService attention;
    private final DemandService demand;
    private final ObjectMapper json;

    AdminDashboardController(AttentionService attention, DemandService demand, ObjectMapper json) {
        this.attention = attention;
        this.demand = demand;
        this.json = json;
    }

    @GetMapping("/admin")
    String dashboard(Model model) throws JsonProcessingException {
        Demand now = demand.current();
        model.addAttribute("attention", attention.current().items());
        model.addAttribute("demand", now);
        model.addAttribute("chartLabels", json.writeValueAsString(now.branches().stream().map(Demand.Branch::name)
                .toList()));
        model.addAttribute("chartDemand", json.writeValueAsString(now.branches().stream()
                .map(Demand.Branch::openRequests).toList()));
        model.addAttribute("chartPlaces", json.writeValueAsString(now.branches().stream()
                .map(Demand.Branch::freePlaces).toList()));
        return "admin/dashboard";
    }
}
