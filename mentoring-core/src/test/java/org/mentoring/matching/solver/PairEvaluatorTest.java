package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.People;

class PairEvaluatorTest {

    private static final String HEAT = "planetary-health/climate-health/heat-health";

    private final PairEvaluator evaluator = new PairEvaluator();

    @Test
    void overlapUsesTheOffsetsOnEachRequestsStartDate() {
        // Vancouver TUE 07:00-09:00 is Tue 15:00-17:00 UTC on 2026-03-07 (-8) and Tue 14:00-16:00 UTC on 03-08
        // (-7). London TUE 15:00-17:00 is GMT on both dates: 120 and 60 minutes together.
        Mentor vancouver = People.mentor("m-van").zone("America/Vancouver").slots("TUE 07:00-09:00").build();
        MentorshipRequest before = londonRequest("r-before", LocalDate.of(2026, 3, 7));
        MentorshipRequest after = londonRequest("r-after", LocalDate.of(2026, 3, 8));

        // One evaluator keeps one UTC week of the mentor per offset: both orders give the same answers.
        assertThat(evaluator.overlapMinutes(before, vancouver)).isEqualTo(120);
        assertThat(evaluator.overlapMinutes(after, vancouver)).isEqualTo(60);
        assertThat(evaluator.overlapMinutes(before, vancouver)).isEqualTo(120);
        PairEvaluator other = new PairEvaluator();
        assertThat(other.overlapMinutes(after, vancouver)).isEqualTo(60);
        assertThat(other.overlapMinutes(before, vancouver)).isEqualTo(120);
    }

    @Test
    void overlapAcrossTheDateLineAndIn45MinuteZones() {
        // Auckland TUE 09:00-11:00 (+13 on 2026-02-02) = Mon 20:00-22:00 UTC; Los Angeles MON 13:00-15:00 (-8)
        // = Mon 21:00-23:00 UTC: 60 together.
        MentorshipRequest auckland = People.request("r-akl").zone("Pacific/Auckland").slots("TUE 09:00-11:00")
                .startDate(LocalDate.of(2026, 2, 2)).build();
        Mentor losAngeles = People.mentor("m-la").zone("America/Los_Angeles").slots("MON 13:00-15:00").build();
        assertThat(evaluator.overlapMinutes(auckland, losAngeles)).isEqualTo(60);

        // Kolkata WED 10:00-11:00 = Wed 04:30-05:30 UTC; Kathmandu WED 10:00-11:00 = Wed 04:15-05:15 UTC: 45.
        MentorshipRequest kolkata = People.request("r-kol").zone("Asia/Kolkata").slots("WED 10:00-11:00").build();
        Mentor kathmandu = People.mentor("m-ktm").zone("Asia/Kathmandu").slots("WED 10:00-11:00").build();
        assertThat(evaluator.overlapMinutes(kolkata, kathmandu)).isEqualTo(45);
        assertThat(evaluator.fit(kolkata, kathmandu).broken()).containsExactly(HardRule.TIME_TOGETHER);
        MentorshipRequest shortMeetings = People.request("r-kol-45").zone("Asia/Kolkata").minOverlapMinutes(45)
                .slots("WED 10:00-11:00").build();
        assertThat(evaluator.allowed(shortMeetings, kathmandu)).isTrue();
    }

    @Test
    void aGoodFitBreaksNothing() {
        MentorshipRequest request = People.request("r-1").domains(HEAT)
                .goals("grant-writing", "publishing", "fieldwork")
                .institution("University of British Columbia").country("CA").preferred("m-0", "m-1")
                .slots("TUE 09:00-12:00").build();
        Mentor mentor = People.mentor("m-1").domains(HEAT).topics("grant-writing", "fieldwork", "teaching")
                .institution("University of Nairobi").country("KE").slots("TUE 10:00-13:00").build();

        PairFit fit = evaluator.fit(request, mentor);
        assertThat(fit).isEqualTo(new PairFit(120, 9, 2, 1, true, true, EnumSet.noneOf(HardRule.class)));
        assertThat(fit.allowed()).isTrue();
        assertThat(evaluator.allowed(request, mentor)).isTrue();
    }

    @Test
    void institutionAndCountryCompareWithoutCaseOrSpaces() {
        MentorshipRequest request = People.request("r-1").institution(" university of nairobi").country("ke")
                .slots("TUE 09:00-12:00").build();
        Mentor mentor = People.mentor("m-1").institution("University of Nairobi ").country("KE")
                .slots("TUE 09:00-12:00").build();
        PairFit fit = evaluator.fit(request, mentor);
        assertThat(fit.crossesInstitution()).isFalse();
        assertThat(fit.crossesCountry()).isFalse();
        assertThat(fit.preferenceRank()).isEqualTo(-1);
    }

    @Test
    void eachPairRuleOnItsOwn() {
        MentorshipRequest request = People.request("r-1").languages("en", "sw").excluded("m-excluded")
                .startDate(LocalDate.of(2026, 2, 2)).slots("TUE 09:00-10:00").build();

        assertThat(broken(request, free("m-fr").languages("fr"))).containsExactly(HardRule.LANGUAGE);
        assertThat(broken(request, free("m-sw").languages("fr", "sw"))).isEmpty();
        assertThat(broken(request, free("m-late").available(LocalDate.of(2026, 2, 3), null)))
                .containsExactly(HardRule.DATES);
        assertThat(broken(request, free("m-gone").available(LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 2, 1)))).containsExactly(HardRule.DATES);
        assertThat(broken(request, free("m-exact").available(LocalDate.of(2026, 2, 2),
                LocalDate.of(2026, 2, 2)))).isEmpty();
        assertThat(broken(request, free("m-excluded"))).containsExactly(HardRule.CONFLICT);
        assertThat(broken(request, free("m-self").email("R-1@Example.org"))).containsExactly(HardRule.CONFLICT);
        assertThat(broken(request, free("r-1").email("other@example.org")))
                .containsExactly(HardRule.CONFLICT);
        assertThat(broken(request, free("m-short").slots("TUE 09:30-10:00")))
                .containsExactly(HardRule.TIME_TOGETHER);
        assertThat(broken(request, free("m-all").languages("fr").email("r-1@example.org")
                .available(LocalDate.of(2027, 1, 1), null).slots("WED 09:00-10:00")))
                .containsExactlyInAnyOrder(HardRule.LANGUAGE, HardRule.DATES, HardRule.CONFLICT,
                        HardRule.TIME_TOGETHER);
    }

    /** A mentor free when the request is (Tuesday 09:00-10:00 UTC). */
    private static People.MentorBuilder free(String externalId) {
        return People.mentor(externalId).slots("TUE 09:00-10:00");
    }

    private EnumSet<HardRule> broken(MentorshipRequest request, People.MentorBuilder mentorBuilder) {
        Mentor mentor = mentorBuilder.build();
        PairFit fit = evaluator.fit(request, mentor);
        assertThat(evaluator.allowed(request, mentor)).isEqualTo(fit.allowed());
        return fit.broken().isEmpty() ? EnumSet.noneOf(HardRule.class) : EnumSet.copyOf(fit.broken());
    }

    private static MentorshipRequest londonRequest(String id, LocalDate startDate) {
        return People.request(id).zone("Europe/London").startDate(startDate).slots("TUE 15:00-17:00").build();
    }
}
