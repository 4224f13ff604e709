package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.People;

class UnmatchedDiagnosisTest {

    private static final String HEAT = "planetary-health/climate-health/heat-health";

    private final List<MentorFact> mentors = new ArrayList<>();
    private final Map<MentorFact, Integer> load = new HashMap<>();

    @Test
    void theOnlyMentorExcludedIsNamedAsAConflictNotALanguage() {
        add(People.mentor("m-1").domains(HEAT).slots("TUE 09:00-11:00").build(), 0);
        MentorshipRequest request = request().excluded("m-1").build();

        assertThat(reasons(request)).containsExactly(
                "1 mentor shares the request's first-choice domain heat-health: 1 is excluded as a conflict "
                        + "of interest",
                "1 mentor is excluded as a conflict of interest");
    }

    @Test
    void noMentorSharingALanguageIsTheOneReason() {
        add(People.mentor("m-1").languages("en").domains(HEAT).slots("TUE 09:00-11:00").build(), 0);
        add(People.mentor("m-2").languages("fr", "sw").slots("TUE 09:00-11:00").build(), 0);
        MentorshipRequest request = request().languages("pt", "es").excluded("m-2").build();

        assertThat(reasons(request)).containsExactly(
                "No mentor shares a language with the researcher (who speaks Spanish, Portuguese)");
    }

    @Test
    void anExcludedMentorWhoSpeaksTheLanguageIsNotHiddenBehindLanguage() {
        add(People.mentor("m-1").languages("pt").slots("TUE 09:00-11:00").build(), 0);
        add(People.mentor("m-2").languages("en").slots("TUE 09:00-11:00").build(), 0);
        MentorshipRequest request = request().languages("pt").domains().excluded("m-1").build();

        assertThat(reasons(request)).containsExactly(
                "1 mentor shares no language with the researcher",
                "1 mentor is excluded as a conflict of interest");
    }

    @Test
    void theOnlyMentorWhoFitsIsAtCapacity() {
        add(People.mentor("m-1").capacity(2).domains(HEAT).slots("TUE 09:00-11:00").build(), 2);
        add(People.mentor("m-2").domains(HEAT).slots("WED 09:00-11:00").build(), 0);

        assertThat(reasons(request().build())).containsExactly(
                "2 mentors share the request's first-choice domain heat-health: 1 is at capacity; "
                        + "1 has too little time overlapping the researcher's",
                "The only mentor who fits the request's languages, dates and time is at capacity",
                "1 mentor shares a language and is available, but has less than 1 h a week overlapping the researcher's "
                        + "availability");
    }

    @Test
    void allMentorsWhoFitAreAtCapacity() {
        for (int i = 1; i <= 4; i++) {
            add(People.mentor("m-" + i).domains(HEAT).slots("TUE 09:00-11:00").build(), 1);
        }
        add(People.mentor("m-5").domains(HEAT).slots("WED 09:00-11:00").build(), 0);
        add(People.mentor("m-6").domains(HEAT).slots("THU 09:00-11:00").build(), 0);

        assertThat(reasons(request().build())).containsExactly(
                "6 mentors share the request's first-choice domain heat-health: 4 are at capacity; "
                        + "2 have too little time overlapping the researcher's",
                "All 4 mentors who fit the request's languages, dates and time are at capacity",
                "2 mentors share a language and are available, but have less than 1 h a week overlapping the researcher's "
                        + "availability");
    }

    @Test
    void someAtCapacityAndOneFreeIsNotCalledAll() {
        add(People.mentor("m-1").slots("TUE 09:00-11:00").build(), 1);
        add(People.mentor("m-2").slots("TUE 09:00-11:00").build(), 1);
        add(People.mentor("m-3").slots("TUE 09:00-11:00").build(), 0);

        assertThat(reasons(request().build())).containsExactly(
                "No mentor works in the request's first-choice domain heat-health",
                "2 mentors who fit the request's languages, dates and time are at capacity",
                "1 mentor could still take this request: the run ended before placing it; run again with a longer time "
                        + "limit");
    }

    @Test
    void datesAndLanguagesCountedOnePerMentor() {
        LocalDate later = LocalDate.of(2026, 6, 1);
        add(People.mentor("m-1").available(later, null).slots("TUE 09:00-11:00").build(), 0);
        add(People.mentor("m-2").available(later, null).slots("TUE 09:00-11:00").build(), 0);
        add(People.mentor("m-3").available(later, null).slots("TUE 09:00-11:00").build(), 0);
        add(People.mentor("m-4").languages("fr").slots("TUE 09:00-11:00").build(), 0);

        assertThat(reasons(request().domains().build())).containsExactly(
                "1 mentor shares no language with the researcher",
                "3 mentors are not available on the request's start date 2026-02-02");
        mentors.remove(3);
        mentors.remove(2);
        mentors.remove(1);
        add(People.mentor("m-5").languages("fr").slots("TUE 09:00-11:00").build(), 0);
        add(People.mentor("m-6").languages("de").slots("TUE 09:00-11:00").build(), 0);
        MentorshipRequest excludesTwo = request().domains().excluded("m-5", "m-6").build();
        assertThat(reasons(excludesTwo)).containsExactly(
                "1 mentor is not available on the request's start date 2026-02-02",
                "2 mentors are excluded as conflicts of interest");
    }

    @Test
    void mentorsInTheFirstChoiceDomainCountedByCause() {
        LocalDate later = LocalDate.of(2026, 6, 1);
        add(People.mentor("m-1").domains(HEAT).languages("fr").slots("TUE 09:00-11:00").build(), 0);
        add(People.mentor("m-2").domains(HEAT).available(later, null).slots("TUE 09:00-11:00").build(), 0);
        add(People.mentor("m-3").domains(HEAT).available(later, null).slots("TUE 09:00-11:00").build(), 0);
        add(People.mentor("m-4").domains(HEAT).slots("TUE 09:00-11:00").build(), 0);
        add(People.mentor("m-5").domains(HEAT).slots("TUE 09:00-11:00").build(), 0);

        assertThat(reasons(request().excluded("m-4", "m-5").build())).containsExactly(
                "5 mentors share the request's first-choice domain heat-health: 1 shares no language with the "
                        + "researcher; "
                        + "2 are not available on the request's start date; 2 are excluded as conflicts of interest",
                "1 mentor shares no language with the researcher",
                "2 mentors are not available on the request's start date 2026-02-02",
                "2 mentors are excluded as conflicts of interest");
    }

    @Test
    void noMentorsAtAll() {
        assertThat(reasons(request().build())).containsExactly("There are no mentors in this run");
    }

    private static People.RequestBuilder request() {
        return People.request("r-1").domains(HEAT).slots("TUE 09:00-11:00");
    }

    private void add(Mentor mentor, int mentees) {
        MentorFact fact = new MentorFact(mentors.size(), mentor);
        mentors.add(fact);
        load.put(fact, mentees);
    }

    private List<String> reasons(MentorshipRequest request) {
        return UnmatchedDiagnosis.reasons(request, mentors, load, new PairEvaluator());
    }
}
