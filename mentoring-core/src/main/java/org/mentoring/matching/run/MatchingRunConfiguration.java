package org.mentoring.matching.run;

import org.mentoring.matching.solver.MatchingEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one matching engine of the application, closed at shutdown after the runs it solves are cancelled. */
@Configuration(proxyBeanMethods = false)
public class MatchingRunConfiguration {

    @Bean(destroyMethod = "close")
    MatchingEngine matchingEngine() {
        return new MatchingEngine();
    }
}
