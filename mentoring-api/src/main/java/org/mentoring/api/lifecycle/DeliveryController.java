package org.mentoring.api.lifecycle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.mentoring.api.security.Viewer;
import org.mentoring.audit.AuditService;
import org.mentoring.notification.Delivery;
import org.mentoring.notification.DeliveryState;
import org.mentoring.notification.NotificationService;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/deliveries")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Deliveries", description = """
        The outbox as the coordinator sees it. Every message the app sends (offers, answers, mentorships, email \
        verification and invitation links) is written to the outbox and sent by a background worker, so that no \
        request waits on the mail server; a message that fails is tried again after 1, 2, 4... minutes (at most an \
        hour apart), and after mentoring.mail.max-attempts (8) attempts it is UNDELIVERABLE until retried here.""")
class DeliveryController {

    private final NotificationService notifications;
    private final AuditService audit;

    DeliveryController(NotificationService notifications, AuditService audit) {
        this.notifications = notifications;
        this.audit = audit;
    }

    @Schema(description = "A message of the outbox and how its delivery went; never its body (verification and "
            + "invitation messages carry a one-time link).")
    record DeliveryResponse(
            String id,
            @Schema(description = "The recipient's address") String to,
            String subject,
            @Schema(description = "PENDING (waits for its next attempt), SENDING (an instance is sending it now), "
                    + "SENT (handed to the mail server) or UNDELIVERABLE (failed every attempt)") DeliveryState state,
            @Schema(description = "Attempts so far (a retry starts again from 0)") int attempts,
            @Schema(description = "Why the latest attempt failed, in words; null when none failed") String lastError,
            @Schema(description = "When it was last tried; null before the first attempt") Instant lastAttemptAt,
            @Schema(description = "When it is tried next, while PENDING; null otherwise") Instant nextAttemptAt,
            Instant createdAt,
            @Schema(description = "When the mail server took it; null until SENT") Instant sentAt,
            @Schema(description = "Whether it carries a verification or set-password link") boolean oneTimeLink) {

        static DeliveryResponse of(Delivery d) {
            return new DeliveryResponse(d.id(), d.to(), d.subject(), d.state(), d.attempts(), d.lastError(),
                    d.lastAttemptAt(), d.nextAttemptAt(), d.createdAt(), d.sentAt(), d.oneTimeLink());
        }
    }

    @GetMapping
    @Operation(summary = "The outbox's messages and their delivery (ADMIN)",
            description = "Latest attempt first, paged (size at most 200); only those in state when given, for "
                    + "example state=UNDELIVERABLE for the messages that could not be delivered. Each has its "
                    + "recipient, subject, attempts, last error and last attempt time, never its body.")
    Page<DeliveryResponse> list(
            @Parameter(description = "PENDING, SENDING, SENT or UNDELIVERABLE; all when left out")
            @RequestParam(required = false) DeliveryState state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return notifications.deliveries(state, Math.max(0, page), Math.min(Math.max(1, size), 200))
                .map(DeliveryResponse::of);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Try a message again now (ADMIN)",
            description = "For a message that could not be delivered (or waits for its next attempt), once the mail "
                    + "server or the address is fixed: it becomes PENDING with a fresh allowance of attempts and the "
                    + "worker sends it within seconds. A message sent already, or being sent, is not sent twice "
                    + "(409 delivery-already-sent or delivery-in-progress).")
    @ApiResponse(responseCode = "200", description = "Queued: the message, PENDING.")
    @ApiResponse(responseCode = "404", description = "No such message.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Sent already, or being sent now.",
            content = @Content(mediaType = "application/problem+json"))
    DeliveryResponse retry(@PathVariable String id) {
        Delivery retried = notifications.retry(id);
        audit.record(Viewer.actorName(), "delivery.retry", id, "to " + retried.to() + ": " + retried.subject(), null);
        return DeliveryResponse.of(retried);
    }
}
