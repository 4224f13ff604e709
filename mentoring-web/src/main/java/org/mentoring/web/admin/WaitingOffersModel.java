package org.mentoring.web.admin;

import org.mentoring.dashboard.WaitingOffers;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the offers waiting for an answer, longest waiting first, on the dashboard ({@link WaitingOffers}). */
@ControllerAdvice(assignableTypes = AdminDashboardController.class)
class WaitingOffersModel {

    private final WaitingOffers waiting;

    WaitingOffersModel(WaitingOffers waiting) {
        this.waiting = waiting;
    }

    @ModelAttribute("waitingOffers")
    WaitingOffers.Waiting waitingOffers() {
        return waiting.current();
    }
}
