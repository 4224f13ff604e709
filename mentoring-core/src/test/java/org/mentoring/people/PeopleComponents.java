package org.mentoring.people;

import org.mentoring.feedback.FeedbackService;
import org.mentoring.lifecycle.LifecycleService;
import org.mentoring.lifecycle.OverrideService;
import org.mentoring.lifecycle.PlacesReconciliation;
import org.mentoring.matching.run.StoreMatchingInputs;
import org.mentoring.notification.NotificationService;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/**
 * The people services, their repositories, mapper, validator and importer, and the accepted mentorships a run
 * keeps, accounts, the audit trail and the offer lifecycle, for tests that start a store.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan({"org.mentoring.people.persistence", "org.mentoring.people.input", "org.mentoring.people.importing",
    "org.mentoring.mentorship", "org.mentoring.matching.persistence", "org.mentoring.accounts", "org.mentoring.audit",
    "org.mentoring.places", "org.mentoring.cycles"})
@Import({LifecycleService.class, OverrideService.class, NotificationService.class, FeedbackService.class,
    PlacesReconciliation.class, StoreMatchingInputs.class})
@EnableMongoRepositories({"org.mentoring.people.persistence", "org.mentoring.matching.persistence",
    "org.mentoring.accounts", "org.mentoring.audit"})
public class PeopleComponents {
}
