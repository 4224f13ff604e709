package org.mentoring.api.lifecycle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.mentoring.api.lifecycle.LifecycleDtos.NotificationResponse;
import org.mentoring.api.security.Viewer;
import org.mentoring.notification.NotificationService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications", description = "The messages the lifecycle sent to the signed-in person.")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/v1/notifications/mine")
    @Operation(summary = "My messages", description = "Newest first; sentAt is null while a message waits for the"
            + " mail server (or when none is configured).")
    List<NotificationResponse> mine() {
        return notifications.to(Viewer.current().email()).stream().map(NotificationResponse::of).toList();
    }
}
