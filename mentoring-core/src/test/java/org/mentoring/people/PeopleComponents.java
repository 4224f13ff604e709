package org.mentoring.people;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/**
 * The people services, their repositories, mapper, validator and importer, and the accepted mentorships a run
 * keeps, accounts and the audit trail, for tests that start a store.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan({"org.mentoring.people.persistence", "org.mentoring.people.input", "org.mentoring.people.importing",
    "org.mentoring.mentorship", "org.mentoring.matching.persistence", "org.mentoring.accounts", "org.mentoring.audit",
    "org.mentoring.lifecycle", "org.mentoring.notification"})
@EnableMongoRepositories({"org.mentoring.people.persistence", "org.mentoring.matching.persistence",
    "org.mentoring.accounts.persistence", "org.mentoring.audit"})
public class PeopleComponents {
}
