package org.mentoring.matching.run;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.mentoring.common.ConflictException;
import org.mentoring.common.NotFoundException;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.persistence.MatchingPersistenceMapper;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.MatchingRunRepository;
import org.mentoring.matching.persistence.RunInputStore;
import org.mentoring.matching.persistence.RunResultStore;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/** What the store holds of matching runs, read as the API shows it: runs, their proposals and their inputs. */
@Component
public final class RunReader {

    private final MatchingRunRepository runs;
    private final RunResultStore results;
    private final RunInputStore inputStore;
    private final MatchingPersistenceMapper mapper;

    RunReader(MatchingRunRepository runs, RunResultStore results, RunInputStore inputStore,
            MatchingPersistenceMapper mapper) {
        this.runs = runs;
        this.results = results;
        this.inputStore = inputStore;
        this.mapper = mapper;
    }

    /** One run with its score history. */
    public MatchingRun get(String id) {
        return toRun(find(id));
    }

    /** A page of runs, newest first unless {@code pageable} sorts otherwise, without their score histories. */
    public Page<MatchingRun> list(Pageable pageable) {
        return runs.findPageWithoutHistory(pageable).map(this::toRun);
    }

    /**
     * What a finished run proposes: its proposals with explanations and its unmatched requests with reasons.
     *
     * @throws NotFoundException if there is no such run
     * @throws ConflictException {@code run-not-finished} while it is queued or solving, {@code run-failed} if it
     *     failed
     */
    public RunProposals proposals(String id) {
        MatchingRunDocument run = find(id);
        switch (run.status()) {
            case QUEUED, SOLVING -> throw new ConflictException("run-not-finished",
                    "Run " + id + " is " + run.status() + "; its proposals are saved when it ends");
            case FAILED -> throw new ConflictException("run-failed",
                    "Run " + id + " FAILED (" + run.reason() + "); it has no proposals");
            case COMPLETED, CANCELLED -> {
                return new RunProposals(results.proposals(id).stream().map(mapper::toProposal).toList(),
                        results.unmatched(id).stream().map(mapper::toUnmatched).toList());
            }
        }
        throw new IllegalStateException("unknown status " + run.status());
    }

    /**
     * Writes {@link #proposals} as CSV: a header row, a row per proposal, then a row per unmatched request, with
     * explanation lines joined by {@code " | "}; cells a spreadsheet would take for formulas are quoted.
     */
    public void writeProposalsCsv(String id, Appendable out) throws IOException {
        ProposalsCsv.write(proposals(id), out);
    }

    /** The inputs a run read when it started: the people exactly as they were then. */
    public InputSnapshot inputs(String id) {
        find(id);
        return inputStore.load(id);
    }

    MatchingRunDocument find(String id) {
        return runs.findById(id).orElseThrow(() -> new NotFoundException("matching run", id));
    }

    MatchingRun toRun(MatchingRunDocument run) {
        long elapsed = 0;
        if (run.startedAt() != null) {
            Instant end = run.endedAt() != null ? run.endedAt() : Instant.now();
            elapsed = Math.max(0, Duration.between(run.startedAt(), end).toMillis());
        }
        return mapper.toRun(run, elapsed);
    }

}
