package org.mentoring.people;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/** The people services, their repositories, mapper, validator and importer, for tests that start a store. */
@Configuration(proxyBeanMethods = false)
@ComponentScan({"org.mentoring.people.persistence", "org.mentoring.people.input", "org.mentoring.people.importing"})
@EnableMongoRepositories("org.mentoring.people.persistence")
public class PeopleComponents {
}
