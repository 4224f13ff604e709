package org.mentoring.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mentoring.accounts.PasswordPolicy;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorFilter;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.PeopleComponents;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.store.StoreAutoConfiguration;
import org.mentoring.taxonomy.TaxonomyAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.env.MockEnvironment;

class DemoDataLoaderTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StoreAutoConfiguration.class, MongoAutoConfiguration.class,
                    MongoDataAutoConfiguration.class, TaxonomyAutoConfiguration.class))
            .withUserConfiguration(PeopleComponents.class, DemoDataLoader.class)
            .withPropertyValues("mentoring.embedded-in-memory=true", "spring.data.mongodb.auto-index-creation=true");

    @Test
    void anEmptyStoreGetsARealisticCommunityOfPractice() {
        runner.run(context -> {
            context.getBean(DemoDataLoader.class).run(null);

            MentorService mentors = context.getBean(MentorService.class);
            RequestService requests = context.getBean(RequestService.class);
            assertThat(mentors.count()).isEqualTo(DemoDataLoader.MENTORS).isGreaterThanOrEqualTo(40);
            assertThat(requests.count(RequestStatus.OPEN)).isEqualTo(DemoDataLoader.REQUESTS)
                    .isGreaterThanOrEqualTo(150);
            List<Mentor> allMentors = mentors.withCapacity();
            List<MentorshipRequest> allRequests = requests.withStatus(RequestStatus.OPEN);
            Set<ZoneId> zones = new HashSet<>();
            Set<String> languages = new HashSet<>();
            Stream.concat(allMentors.stream().map(Mentor::timeZone), allRequests.stream()
                    .map(MentorshipRequest::timeZone)).forEach(zones::add);
            allMentors.forEach(mentor -> languages.addAll(mentor.languages()));
            allRequests.forEach(request -> languages.addAll(request.languages()));
            assertThat(zones).hasSizeGreaterThanOrEqualTo(8);
            assertThat(zones).extracting(zone -> zone.getId().substring(0, zone.getId().indexOf('/')))
                    .contains("America", "Africa", "Asia", "Europe");
            assertThat(languages).hasSizeGreaterThanOrEqualTo(3);
            assertThat(mentors.find(MentorFilter.ALL, PageRequest.of(0, 1)).getTotalElements())
                    .isEqualTo(DemoDataLoader.MENTORS);
            // every demo person can sign in: a mentor account tied to its profile, a researcher's, the coordinator's
            org.mentoring.accounts.AccountService accounts = context.getBean(org.mentoring.accounts.AccountService.class);
            Mentor first = allMentors.get(0);
            assertThat(accounts.credentials(first.email())).hasValueSatisfying(c -> {
                assertThat(c.role()).isEqualTo(org.mentoring.accounts.Role.MENTOR);
                assertThat(c.personExternalId()).isEqualTo(first.externalId());
                assertThat(c.passwordHash()).isNotNull();
            });
            assertThat(accounts.credentials(allRequests.get(0).email()))
                    .hasValueSatisfying(c -> assertThat(c.role()).isEqualTo(org.mentoring.accounts.Role.RESEARCHER));
            assertThat(accounts.credentials(DemoDataLoader.DEMO_ADMIN_EMAIL))
                    .hasValueSatisfying(c -> assertThat(c.role()).isEqualTo(org.mentoring.accounts.Role.ADMIN));
            assertThat(accounts.list(0, 1).getTotalElements()).isEqualTo(1 + DemoDataLoader.MENTORS
                    + DemoDataLoader.REQUESTS);
        });
    }

    @Test
    void aboutAQuarterOfTheDemoMentorsLeadACircleAndAbout30PercentOfRequestsAreOpenToCircles() {
        runner.run(context -> {
            context.getBean(DemoDataLoader.class).run(null);

            List<Mentor> allMentors = context.getBean(MentorService.class).withCapacity();
            List<MentorshipRequest> open = context.getBean(RequestService.class).withStatus(RequestStatus.OPEN);
            long leaders = allMentors.stream().filter(m -> m.circles() == 1).count();
            assertThat(allMentors).allSatisfy(m -> assertThat(m.circles()).isBetween(0, 1));
            assertThat(leaders).isBetween(DemoDataLoader.MENTORS / 6L, DemoDataLoader.MENTORS / 3L);
            long circle = open.stream().filter(r -> r.format() == org.mentoring.people.RequestFormat.CIRCLE).count();
            long either = open.stream().filter(r -> r.format() == org.mentoring.people.RequestFormat.EITHER).count();
            assertThat(circle + either).isBetween(DemoDataLoader.REQUESTS / 5L, DemoDataLoader.REQUESTS * 2L / 5);
            assertThat(circle - either).as("half CIRCLE, half EITHER").isBetween(0L, 1L);
        });
    }

    @Test
    void theCommunityLivesInAPreviousCycleThatEndedAndACurrentOneOpenForRequests() {
        runner.run(context -> {
            context.getBean(DemoDataLoader.class).run(null);

            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
            org.mentoring.cycles.Calendar calendar = context.getBean(org.mentoring.cycles.CycleService.class)
                    .calendar();
            assertThat(calendar.created()).hasSize(2);
            org.mentoring.cycles.Cycle previous = calendar.created().get(0);
            org.mentoring.cycles.Cycle current = calendar.created().get(1);
            assertThat(previous.endedBefore(today)).isTrue();
            assertThat(calendar.openForRequests()).contains(current);
            RequestService requests = context.getBean(RequestService.class);
            assertThat(requests.countsInCycle(current.code()).get(RequestStatus.OPEN)[0])
                    .isEqualTo(DemoDataLoader.REQUESTS);
            assertThat(requests.countsInCycle(previous.code()).get(RequestStatus.MATCHED)[0])
                    .isEqualTo(DemoCycles.PREVIOUS_MENTEES);
            assertThat(requests.withStatus(RequestStatus.OPEN)).allSatisfy(request ->
                    assertThat(request.startDate()).isAfterOrEqualTo(current.startsOn()));
            // mentors are available through the current cycle
            assertThat(context.getBean(MentorService.class).withCapacity()).allSatisfy(mentor -> {
                assertThat(mentor.availableFrom()).isBefore(previous.startsOn());
                if (mentor.availableUntil() != null) {
                    assertThat(mentor.availableUntil()).isAfter(current.endsOn());
                }
            });
            org.springframework.data.mongodb.core.MongoTemplate mongo =
                    context.getBean(org.springframework.data.mongodb.core.MongoTemplate.class);
            assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(
                    org.springframework.data.mongodb.core.query.Criteria.where("status").is("COMPLETED")),
                    "mentorships")).isEqualTo(DemoCycles.PREVIOUS_MENTEES);
            assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "feedback"))
                    .isGreaterThan(20);
            // the same seed and day give the same community
            DemoCycles dates = new DemoCycles(today);
            assertThat(new CommunityGenerator(DemoDataLoader.SEED, org.mentoring.taxonomy.Taxonomy.planetaryHealth(),
                    today, dates.currentStart()).generate(20, 5)).isEqualTo(new CommunityGenerator(DemoDataLoader.SEED,
                    org.mentoring.taxonomy.Taxonomy.planetaryHealth(), today, dates.currentStart()).generate(20, 5));
        });
    }

    @Test
    void aStoreWithPeopleIsLeftAlone() {
        runner.run(context -> {
            DemoDataLoader loader = context.getBean(DemoDataLoader.class);
            loader.run(null);
            MentorService mentors = context.getBean(MentorService.class);
            mentors.delete("m-0001", null);

            loader.run(null);

            assertThat(mentors.count()).isEqualTo(DemoDataLoader.MENTORS - 1);
        });
    }

    @Test
    void mentoringDemoDataFalseLoadsNothing() {
        runner.withPropertyValues("mentoring.demo-data=false").run(context -> {
            context.getBean(DemoDataLoader.class).run(null);

            assertThat(context.getBean(MentorService.class).count()).isZero();
            assertThat(context.getBean(org.mentoring.accounts.AccountService.class)
                    .credentials(DemoDataLoader.DEMO_ADMIN_EMAIL)).isEmpty();
        });
    }

    @Test
    void aRealMongoDbGetsTheDemoOnlyWhenAskedForExplicitly() {
        assertThat(DemoDataLoader.wanted(null, true)).as("MONGODB_URI set, MENTORING_DEMO_DATA unset").isFalse();
        assertThat(DemoDataLoader.wanted("", true)).as("MENTORING_DEMO_DATA empty").isFalse();
        assertThat(DemoDataLoader.wanted("true", true)).isTrue();
        assertThat(DemoDataLoader.wanted(" TRUE ", true)).isTrue();
        assertThat(DemoDataLoader.wanted("false", true)).isFalse();
        assertThat(DemoDataLoader.wanted(null, false)).as("the embedded store, the README's first command").isTrue();
        assertThat(DemoDataLoader.wanted("false", false)).isFalse();
        assertThatThrownBy(() -> DemoDataLoader.wanted("yes", true)).hasMessageContaining("true or false");
    }

    @Test
    void anyMongoDbSettingCountsAsARealStore() {
        assertThat(DemoDataLoader.externalStore(new MockEnvironment())).isFalse();
        assertThat(DemoDataLoader.externalStore(new MockEnvironment().withProperty("mentoring.mongodb-uri", " ")))
                .isFalse();
        assertThat(DemoDataLoader.externalStore(new MockEnvironment()
                .withProperty("mentoring.mongodb-uri", "mongodb://mongo:27017/mentoring"))).isTrue();
        assertThat(DemoDataLoader.externalStore(new MockEnvironment()
                .withProperty("spring.data.mongodb.uri", "mongodb://mongo:27017/mentoring"))).isTrue();
    }

    @Test
    void theDemoPasswordPassesThePasswordPolicy() {
        assertThat(PasswordPolicy.problems(DemoDataLoader.DEMO_PASSWORD, null, null)).isEmpty();
    }
}
