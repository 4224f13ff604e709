package org.mentoring.matching;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The configuration root of the matching slice tests; each test imports the beans it uses. */
@SpringBootApplication
public class MatchingTestApplication {
}
