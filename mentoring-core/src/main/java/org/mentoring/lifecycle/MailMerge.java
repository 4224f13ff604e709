package org.mentoring.lifecycle;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mentoring.common.SpreadsheetCells;
import org.mentoring.matching.model.Proposal;
import org.mentoring.matching.model.UnmatchedRequest;
import org.mentoring.matching.run.RunReader;
import org.mentoring.matching.run.RunProposals;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.springframework.stereotype.Service;

/**
 * A run's proposals with the names and emails of both people, for a coordinator's mail merge: one row per proposal
 * (with its offer's status and deadline once published), then one per request left unmatched with the reasons.
 */
@Service
public class MailMerge {

    static final String[] HEADER = {"outcome", "proposalId", "offerStatus", "answerBy", "researcherName",
        "researcherEmail", "researcherInstitution", "requestExternalId", "mentorName", "mentorEmail",
        "mentorInstitution", "mentorExternalId", "why"};

    private final RunReader runs;
    private final RequestService requests;
    private final MentorService mentors;
    private final LifecycleService lifecycle;

    public MailMerge(RunReader runs, RequestService requests, MentorService mentors,
            LifecycleService lifecycle) {
        this.runs = runs;
        this.requests = requests;
        this.mentors = mentors;
        this.lifecycle = lifecycle;
    }

    /**
     * Writes the run's mail-merge table as CSV (UTF-8 with a byte order mark, CRLF).
     *
     * @throws org.mentoring.common.NotFoundException if there is no such run
     * @throws org.mentoring.common.ConflictException while it is queued or solving, or if it failed
     */
    public void write(String runId, Appendable out) throws IOException {
        RunProposals proposals = runs.proposals(runId);
        Set<String> requestIds = new HashSet<>();
        Set<String> mentorIds = new HashSet<>();
        proposals.proposals().forEach(p -> {
            requestIds.add(p.requestExternalId());
            mentorIds.add(p.mentorExternalId());
        });
        proposals.unmatched().forEach(u -> requestIds.add(u.requestExternalId()));
        Map<String, MentorshipRequest> requestById = new HashMap<>();
        requests.findAll(requestIds).forEach(r -> requestById.put(r.externalId(), r));
        Map<String, Mentor> mentorById = new HashMap<>();
        mentors.findAll(mentorIds).forEach(m -> mentorById.put(m.externalId(), m));
        Map<String, Offer> offers = new HashMap<>();
        lifecycle.forRequests(requestIds).forEach(offer -> offers.putIfAbsent(offer.id(), offer));

        out.append('\uFEFF');
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER)
                .setRecordSeparator("\r\n").get());
        for (Proposal p : proposals.proposals()) {
            MentorshipRequest request = requestById.get(p.requestExternalId());
            Mentor mentor = mentorById.get(p.mentorExternalId());
            Offer offer = offers.get(p.id());
            printer.printRecord("PROPOSED", p.id(), offer == null ? "DRAFT" : offer.status().name(),
                    offer == null || offer.answerBy() == null ? "" : offer.answerBy().toString(),
                    cell(request == null ? null : request.name()), cell(request == null ? null : request.email()),
                    cell(request == null ? null : request.institution()), cell(p.requestExternalId()),
                    cell(mentor == null ? null : mentor.name()), cell(mentor == null ? null : mentor.email()),
                    cell(mentor == null ? null : mentor.institution()), cell(p.mentorExternalId()),
                    cell(String.join(" | ", p.explanation())));
        }
        for (UnmatchedRequest u : proposals.unmatched()) {
            MentorshipRequest request = requestById.get(u.requestExternalId());
            printer.printRecord("UNMATCHED", "", "", "", cell(request == null ? null : request.name()),
                    cell(request == null ? null : request.email()),
                    cell(request == null ? null : request.institution()), cell(u.requestExternalId()), "", "", "",
                    "", cell(String.join(" | ", u.reasons())));
        }
        printer.flush();
    }

    private static String cell(String value) {
        return value == null ? "" : SpreadsheetCells.text(value);
    }
}
