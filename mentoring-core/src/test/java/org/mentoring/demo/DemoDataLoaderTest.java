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
