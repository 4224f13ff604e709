package org.mentoring.web.admin;

import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.mentoring.audit.AuditService;
import org.mentoring.common.ConflictException;
import org.mentoring.common.NotFoundException;
import org.mentoring.notification.Delivery;
import org.mentoring.notification.DeliveryState;
import org.mentoring.notification.NotificationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The messages that could not be delivered (or, filtered, those waiting or sent), each with its recipient, subject,
 * attempts and last error, and a Retry button. The same service as {@code /api/v1/admin/deliveries}.
 */
@Controller
class AdminDeliveriesController {

    private static final int PAGE_SIZE = 100;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final NotificationService notifications;
    private final AuditService audit;

    AdminDeliveriesController(NotificationService notifications, AuditService audit) {
        this.notifications = notifications;
        this.audit = audit;
    }

    @GetMapping("/admin/deliveries")
    String page(@RequestParam(required = false) DeliveryState state, @RequestParam(defaultValue = "0") int page,
            Model model) {
        return render(state == null ? DeliveryState.UNDELIVERABLE : state, page, model);
    }

    @PostMapping("/admin/deliveries/{id}/retry")
    String retry(@PathVariable String id, Principal admin, Model model) {
        try {
            Delivery retried = notifications.retry(id);
            audit.record(admin.getName(), "delivery.retry", id, "to " + retried.to() + ": " + retried.subject(), null);
            model.addAttribute("retried", retried);
        } catch (ConflictException | NotFoundException e) {
            model.addAttribute("retryError", e.getMessage());
        }
        return render(DeliveryState.UNDELIVERABLE, 0, model);
    }

    private String render(DeliveryState state, int page, Model model) {
        model.addAttribute("state", state);
        model.addAttribute("states", DeliveryState.values());
        model.addAttribute("deliveries", notifications.deliveries(state, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("sendsMail", notifications.sendsMail());
        model.addAttribute("maxAttempts", notifications.maxAttempts());
        model.addAttribute("when", WHEN);
        return "admin/deliveries";
    }
}
