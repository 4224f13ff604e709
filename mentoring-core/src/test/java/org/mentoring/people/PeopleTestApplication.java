package org.mentoring.people;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The configuration store slice tests in org.mentoring.people find; its package is where repositories are found. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class PeopleTestApplication {
}
