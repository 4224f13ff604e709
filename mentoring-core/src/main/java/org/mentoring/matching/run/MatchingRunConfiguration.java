package org.mentoring.matching.run;

import org.mentoring.matching.solver.MatchingEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one matching engine of the application. {@link RunShutdown#shutDown} closes it, after cancelling the
 * runs it solves and within a bounded time: the engine's own close waits for each solver to stop, which could hold
 * the application's shutdown for a whole run.
 */
@Configuration(proxyBeanMethods = false)
public class MatchingRunConfiguration {

    /**
     * @param searchAfterProof {@code mentoring.runs.search-after-proof}: keep runs searching after their proven
     *     optimum (until the time limit or 10 s without improvement), for tests that need a run that takes time;
     *     false by default, and nothing to gain from it
     */
    @Bean(destroyMethod = "")
    MatchingEngine matchingEngine(@Value("${mentoring.runs.search-after-proof:false}") boolean searchAfterProof) {
        return new MatchingEngine(searchAfterProof);
    }
}
