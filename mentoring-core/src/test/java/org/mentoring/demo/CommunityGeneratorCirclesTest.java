package org.mentoring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFormat;

/**
 * The generator's circles option: the same people as without it, a share of mentors leading a circle and of requests
 * open to circles, the same every time; without it, nothing about circles, so benchmarks stay comparable.
 */
class CommunityGeneratorCirclesTest {

    @Test
    void withoutTheOptionNoMentorLeadsACircleAndEveryRequestIsOneToOne() {
        CommunityGenerator.Community community = new CommunityGenerator(7).generate(400, 100);

        assertThat(community.mentors()).allSatisfy(m -> assertThat(m.circles()).isZero());
        assertThat(community.requests()).allSatisfy(r -> assertThat(r.format()).isEqualTo(RequestFormat.ONE_TO_ONE));
    }

    @Test
    void withCirclesTheSamePeopleGetTheSharesAskedForDeterministically() {
        CommunityGenerator.Community plain = new CommunityGenerator(7).generate(1000, 200);
        CommunityGenerator.Community circles = new CommunityGenerator(7).withCircles(0.25, 0.3).generate(1000, 200);

        assertThat(circles).isEqualTo(new CommunityGenerator(7).withCircles(0.25, 0.3).generate(1000, 200));
        assertThat(circles.mentors()).extracting(Mentor::name, Mentor::capacity, Mentor::weeklyAvailability)
                .isEqualTo(plain.mentors().stream().map(m -> org.assertj.core.groups.Tuple.tuple(m.name(),
                        m.capacity(), m.weeklyAvailability())).toList());
        assertThat(circles.requests()).extracting(MentorshipRequest::externalId, MentorshipRequest::domains)
                .isEqualTo(plain.requests().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.externalId(),
                        r.domains())).toList());
        long leaders = circles.mentors().stream().filter(m -> m.circles() == 1).count();
        assertThat(leaders).isBetween(35L, 65L);
        List<RequestFormat> formats = circles.requests().stream().map(MentorshipRequest::format).toList();
        long circle = formats.stream().filter(f -> f == RequestFormat.CIRCLE).count();
        long either = formats.stream().filter(f -> f == RequestFormat.EITHER).count();
        assertThat(circle + either).isBetween(250L, 350L);
        assertThat(circle - either).isBetween(0L, 1L);
    }
}
