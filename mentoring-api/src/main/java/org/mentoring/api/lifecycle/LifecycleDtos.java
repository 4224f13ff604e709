package org.mentoring.api.lifecycle;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.mentoring.api.problem.StrictBody;
import org.mentoring.lifecycle.Offer;
import org.mentoring.lifecycle.Publication;
import org.mentoring.matching.model.Answer;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.solver.Audience;
import org.mentoring.notification.Notification;

/** The lifecycle API's bodies. */
final class LifecycleDtos {

    private LifecycleDtos() {
    }

    @Schema(description = "An answer; an ADMIN must say for whom they answer, the sides themselves send no body.")
    record AnswerRequest(
            @Schema(description = "RESEARCHER or MENTOR: the side an ADMIN answers for.") Side onBehalfOf) {
    }

    @Schema(description = "How long both sides of each offer have to answer; every part is optional.",
            additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    @StrictBody
    record PublishRequest(
            @Schema(description = "Days both sides of each offer have to answer, from 1 to 90; 14 when left out."
                    + " Each offer's answerBy is the moment it is offered plus that many days. Three days before"
                    + " it, whoever has not answered is reminded (not when 3 days or fewer are given); at it, an"
                    + " offer not answered by both sides becomes EXPIRED.", example = "14", minimum = "1",
                    maximum = "90")
            Integer answerWithinDays) {
    }

    @Schema(description = "What publishing a run did.")
    record PublicationResponse(
            String runId,
            @Schema(description = "When the run was first published.") Instant publishedAt,
            @Schema(description = "Proposals this call turned into offers.") int offered,
            @Schema(description = "Proposals this call withdrew: their request was no longer open, or their mentor"
                    + " had no free place left.") int withdrawn,
            @Schema(description = "True when the run had been published already and nothing changed.")
            boolean alreadyPublished,
            @Schema(description = "Each mentor who had no free place left for a proposal of this run (taken by an"
                    + " override or another offer meanwhile), in words; those proposals were withdrawn.")
            List<String> mentorsFull) {

        static PublicationResponse of(Publication p) {
            return new PublicationResponse(p.runId(), p.publishedAt(), p.offered(), p.withdrawn(),
                    p.alreadyPublished(), p.mentorsFull());
        }
    }

    @Schema(description = "A published proposal: the pair, why, and each side's answer.")
    record OfferResponse(
            String id,
            String runId,
            String requestExternalId,
            String mentorExternalId,
            @Schema(description = "Why this pair, in plain words, worded for who reads it: the researcher (\"your"
                    + " first choice\"), the mentor (\"their first choice\", \"your time\") or an admin (both in the"
                    + " third person).")
            List<String> explanation,
            int affinity,
            int overlapMinutes,
            @Schema(description = "DRAFT, OFFERED, ACCEPTED, DECLINED, WITHDRAWN or EXPIRED (not answered by both"
                    + " sides by answerBy: its place is free again and its request OPEN; unlike a decline, a later"
                    + " run may propose the pair again).") OfferStatus status,
            @Schema(description = "ACCEPTED, DECLINED, or null until the researcher answers.") Answer researcherAnswer,
            @Schema(description = "ACCEPTED, DECLINED, or null until the mentor answers.") Answer mentorAnswer,
            @Schema(description = "Who recorded the researcher's answer (shown to admins only).")
            String researcherAnsweredBy,
            @Schema(description = "Who recorded the mentor's answer (shown to admins only).") String mentorAnsweredBy,
            Instant offeredAt,
            @Schema(description = "When it was accepted, declined, withdrawn or expired.") Instant closedAt,
            @Schema(description = "The deadline for both answers; null for an offer made before offers had"
                    + " deadlines.") Instant answerBy) {

        /** The offer as {@code reader} sees it: the explanation in their words, who answered only for an admin. */
        static OfferResponse of(Offer o, Audience reader) {
            boolean admin = reader == Audience.ADMIN;
            return new OfferResponse(o.id(), o.runId(), o.requestExternalId(), o.mentorExternalId(),
                    o.explanation().to(reader), o.affinity(), o.overlapMinutes(), o.status(), o.researcherAnswer(),
                    o.mentorAnswer(), admin ? o.researcherAnsweredBy() : null, admin ? o.mentorAnsweredBy() : null,
                    o.offeredAt(), o.closedAt(), o.answerBy());
        }
    }

    @Schema(description = "A message sent (or waiting to be sent) to the signed-in person.")
    record NotificationResponse(String id, String to, String subject, String body, Instant createdAt,
            @Schema(description = "When it was handed to the mail server; null if not (yet).") Instant sentAt) {

        static NotificationResponse of(Notification n) {
            return new NotificationResponse(n.id(), n.to(), n.subject(), n.body(), n.createdAt(), n.sentAt());
        }
    }
}
