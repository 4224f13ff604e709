package org.mentoring.matching.run;

import java.io.IOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mentoring.common.SpreadsheetCells;
import org.mentoring.matching.model.Proposal;
import org.mentoring.matching.model.UnmatchedRequest;

/**
 * A run's proposals and unmatched requests as one CSV table for a spreadsheet: a row per proposal, then a row per
 * unmatched request with its reasons in the explanation column. A text cell that a spreadsheet would read as a
 * formula (starting with {@code = + - @}, a tab or a carriage return) gets a leading single quote.
 */
final class ProposalsCsv {

    static final String[] HEADER = {"outcome", "proposalId", "requestExternalId", "mentorExternalId", "affinity",
        "overlapMinutes", "valid", "explanation"};
    static final String LINE_SEPARATOR = " | ";

    private ProposalsCsv() {
    }

    static void write(RunProposals proposals, Appendable out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
        for (Proposal p : proposals.proposals()) {
            printer.printRecord("PROPOSED", text(p.id()), text(p.requestExternalId()), text(p.mentorExternalId()),
                    p.affinity(), p.overlapMinutes(), p.valid(), text(String.join(LINE_SEPARATOR, p.explanation())));
        }
        for (UnmatchedRequest u : proposals.unmatched()) {
            printer.printRecord("UNMATCHED", "", text(u.requestExternalId()), "", "", "", "",
                    text(String.join(LINE_SEPARATOR, u.reasons())));
        }
        printer.flush();
    }

    /** The cell as a spreadsheet shows it, never as a formula ({@link SpreadsheetCells#text}). */
    static String text(String value) {
        return SpreadsheetCells.text(value);
    }
}
