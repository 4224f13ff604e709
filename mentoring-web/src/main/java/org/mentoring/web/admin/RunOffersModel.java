package org.mentoring.web.admin;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.mentoring.matching.model.OfferStatus;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.RunResultStore;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Puts where each offer of a published run stands on the run page: its status and its deadline, shown in the
 * coordinator's own time zone by the page.
 */
@ControllerAdvice(assignableTypes = AdminRunsController.class)
class RunOffersModel {

    /** An offer of the run as the review table shows it beside the proposal. */
    record OfferCell(OfferStatus status, Instant answerBy) {
    }

    private final RunResultStore results;

    RunOffersModel(RunResultStore results) {
        this.results = results;
    }

    /** The run's offers by request; empty on pages of no single run and for a run not published. */
    @ModelAttribute("runOffers")
    Map<String, OfferCell> runOffers(@PathVariable(name = "id", required = false) String runId) {
        Map<String, OfferCell> offers = new HashMap<>();
        if (runId == null) {
            return offers;
        }
        for (ProposalDocument proposal : results.proposals(runId)) {
            if (proposal.statusOrDraft() != OfferStatus.DRAFT) {
                offers.put(proposal.requestExternalId(), new OfferCell(proposal.statusOrDraft(),
                        proposal.answerBy()));
            }
        }
        return offers;
    }
}
