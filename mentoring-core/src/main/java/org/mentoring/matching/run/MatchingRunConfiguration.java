package org.mentoring.matching.run;

import org.mentoring.matching.solver.MatchingEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one matching engine of the application. {@link MatchingRunService#shutDown} closes it, after cancelling the
 * runs it solves and within a bounded time: the engine's own close waits for each solver to stop, which could hold
 * the application's shutdown for a whole run.
 */
@Configuration(proxyBeanMethods = false)
public class MatchingRunConfiguration {

    @Bean(destroyMethod = "")
    MatchingEngine matchingEngine() {
        return new MatchingEngine();
    }
}
