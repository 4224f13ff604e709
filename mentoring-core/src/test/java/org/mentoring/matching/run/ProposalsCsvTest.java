package org.mentoring.matching.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.model.Proposal;
import org.mentoring.matching.model.UnmatchedRequest;

class ProposalsCsvTest {

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    @Test
    void aRowPerProposalThenAPerUnmatchedRequest() throws IOException {
        RunProposals proposals = new RunProposals(
                List.of(new Proposal("run-000001", "run", "r-1", "m-1",
                        List.of("Shares heat-health, your first choice", "3 h a week together, 1 h needed"),
                        9, 180, true)),
                List.of(new UnmatchedRequest("r-2", List.of("no mentor shares a language"))));
        StringBuilder out = new StringBuilder();

        ProposalsCsv.write(proposals, out);

        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows).hasSize(2);
        CSVRecord proposal = rows.get(0);
        assertThat(proposal.get("outcome")).isEqualTo("PROPOSED");
        assertThat(proposal.get("proposalId")).isEqualTo("run-000001");
        assertThat(proposal.get("requestExternalId")).isEqualTo("r-1");
        assertThat(proposal.get("mentorExternalId")).isEqualTo("m-1");
        assertThat(proposal.get("affinity")).isEqualTo("9");
        assertThat(proposal.get("overlapMinutes")).isEqualTo("180");
        assertThat(proposal.get("valid")).isEqualTo("true");
        assertThat(proposal.get("explanation"))
                .isEqualTo("Shares heat-health, your first choice | 3 h a week together, 1 h needed");
        CSVRecord unmatched = rows.get(1);
        assertThat(unmatched.get("outcome")).isEqualTo("UNMATCHED");
        assertThat(unmatched.get("requestExternalId")).isEqualTo("r-2");
        assertThat(unmatched.get("mentorExternalId")).isEmpty();
        assertThat(unmatched.get("explanation")).isEqualTo("no mentor shares a language");
    }

    @Test
    void cellsASpreadsheetWouldTakeForFormulasStartWithAQuote() throws IOException {
        RunProposals proposals = new RunProposals(
                List.of(new Proposal("p", "run", "=HYPERLINK(\"http://evil\")", "+m", List.of("@SUM(A1)"), 1, 60,
                        true)),
                List.of(new UnmatchedRequest("-2+3", List.of("\tcmd"))));
        StringBuilder out = new StringBuilder();

        ProposalsCsv.write(proposals, out);

        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows.get(0).get("requestExternalId")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(rows.get(0).get("mentorExternalId")).isEqualTo("'+m");
        assertThat(rows.get(0).get("explanation")).isEqualTo("'@SUM(A1)");
        assertThat(rows.get(1).get("requestExternalId")).isEqualTo("'-2+3");
        assertThat(rows.get(1).get("explanation")).isEqualTo("'\tcmd");
    }

    @Test
    void plainTextIsLeftAlone() {
        assertThat(ProposalsCsv.text("r-104")).isEqualTo("r-104");
        assertThat(ProposalsCsv.text("")).isEmpty();
    }
}
