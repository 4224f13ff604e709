package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.People;

class ExplanationsTest {

    private static final String HEAT = "planetary-health/climate-health/heat-health";

    @Test
    void domainsSayHowCloseEachChoiceIs() {
        MentorshipRequest request = People.request("r-1").domains(HEAT, "methods/epidemiology",
                "global-health/health-systems/digital-health", "methods/modelling/climate-health-modelling").build();
        Mentor mentor = People.mentor("m-1").domains("planetary-health/climate-health/extreme-weather",
                "global-health/population-health/mental-health", "methods/modelling/climate-health-modelling")
                .build();

        Wording domains = Explanations.domains(request, mentor);

        assertThat(domains.researcher()).isEqualTo("Research domains: "
                + "heat-health: the mentor works in the same area, climate-health (your first choice); "
                + "epidemiology: the mentor works in the same field, methods (your second choice); "
                + "digital-health: the mentor works in the same field, global-health (your third choice); "
                + "climate-health-modelling matches exactly (your fourth choice)");
        assertThat(domains.mentor()).isEqualTo("Research domains: "
                + "heat-health: you work in the same area, climate-health (their first choice); "
                + "epidemiology: you work in the same field, methods (their second choice); "
                + "digital-health: you work in the same field, global-health (their third choice); "
                + "climate-health-modelling matches yours exactly (their fourth choice)");
        assertThat(domains.admin()).isEqualTo("Research domains: "
                + "heat-health: the mentor works in the same area, climate-health (the researcher's first choice); "
                + "epidemiology: the mentor works in the same field, methods (the researcher's second choice); "
                + "digital-health: the mentor works in the same field, global-health (the researcher's third "
                + "choice); climate-health-modelling matches exactly (the researcher's fourth choice)");
        assertThat(Explanations.domains(request, People.mentor("m-2").build()))
                .isEqualTo(Wording.same("No research domain in common"));
    }

    @Test
    void withTheProgrammesNamesDomainsAndUnmatchedReasonsReadAsNamesNotCodes() {
        Explanations.useNaming(new Naming() {
            @Override
            public String domain(String code) {
                return code.endsWith("heat-health") ? "Heat and health" : "Climate and health";
            }

            @Override
            public String topic(String code) {
                return "Grant writing";
            }
        });
        try {
            MentorshipRequest request = People.request("r-1").domains(HEAT).build();
            Mentor mentor = People.mentor("m-1").domains("planetary-health/climate-health/extreme-weather").build();

            assertThat(Explanations.domains(request, mentor).researcher()).isEqualTo("Research domains: "
                    + "Heat and health: the mentor works in the same area, Climate and health (your first choice)");
            assertThat(Explanations.countryName("KE")).isEqualTo("Kenya");
        } finally {
            Explanations.useNaming(null);
        }
    }

    @Test
    void timeNamesBothLocalTimes() {
        // Kolkata WED 10:00-11:00 (+05:30) and Kathmandu WED 10:00-11:00 (+05:45) share Wed 04:30-05:15 UTC.
        MentorshipRequest kolkata = People.request("r-1").zone("Asia/Kolkata").slots("WED 10:00-11:00").build();
        Mentor kathmandu = People.mentor("m-1").zone("Asia/Kathmandu").slots("WED 10:00-11:00").build();

        Wording time = Explanations.time(kolkata, kathmandu, 45);

        assertThat(time.researcher())
                .isEqualTo("45 min a week together: Wed 10:00-10:45 your time (Wed 10:15-11:00 in Asia/Kathmandu)");
        assertThat(time.mentor()).isEqualTo(
                "45 min a week together: Wed 10:15-11:00 your time (Wed 10:00-10:45 theirs, in Asia/Kolkata)");
        assertThat(time.admin()).isEqualTo("45 min a week together: "
                + "Wed 10:00-10:45 researcher's time (Wed 10:15-11:00 mentor's time); "
                + "researcher in Asia/Kolkata, mentor in Asia/Kathmandu");
    }

    @Test
    void timeAcrossTheEndOfTheUtcWeekIsOneWindow() {
        // Los Angeles SUN 14:00-20:00 (-08:00) is Sun 22:00 UTC to Mon 04:00 UTC; London SUN 23:00-24:00 and
        // MON 00:00-01:00 meet it Sun 23:00 to Mon 01:00 UTC, Sun 15:00-17:00 in Los Angeles: one window.
        MentorshipRequest losAngeles = People.request("r-1").zone("America/Los_Angeles")
                .startDate(LocalDate.of(2026, 2, 2)).slots("SUN 14:00-20:00").build();
        Mentor london = People.mentor("m-1").zone("Europe/London").slots("SUN 23:00-24:00", "MON 00:00-01:00")
                .build();

        Wording time = Explanations.time(losAngeles, london, 120);

        assertThat(time.researcher())
                .isEqualTo("2 h a week together: Sun 15:00-17:00 your time (Sun 23:00-Mon 01:00 in Europe/London)");
        assertThat(time.mentor()).isEqualTo("2 h a week together: "
                + "Sun 23:00-Mon 01:00 your time (Sun 15:00-17:00 theirs, in America/Los_Angeles)");
    }

    @Test
    void timeWindowsFollowTheReadersWeek() {
        // Auckland (+13:00 on 2026-02-02): MON 08:00-10:00 is Sun 19:00-21:00 UTC, TUE 08:00-09:00 is
        // Mon 19:00-20:00 UTC. In UTC order, and in London's week, Tuesday's window in Auckland comes first.
        MentorshipRequest auckland = People.request("r-1").zone("Pacific/Auckland")
                .startDate(LocalDate.of(2026, 2, 2)).slots("MON 08:00-10:00", "TUE 08:00-09:00").build();
        Mentor london = People.mentor("m-1").zone("Europe/London").slots("SUN 19:00-21:00", "MON 19:00-20:00")
                .build();

        Wording time = Explanations.time(auckland, london, 180);

        assertThat(time.researcher()).isEqualTo("3 h a week together: "
                + "Mon 08:00-10:00 your time (Sun 19:00-21:00 in Europe/London), "
                + "Tue 08:00-09:00 your time (Mon 19:00-20:00 in Europe/London)");
        assertThat(time.mentor()).isEqualTo("3 h a week together: "
                + "Mon 19:00-20:00 your time (Tue 08:00-09:00 theirs, in Pacific/Auckland), "
                + "Sun 19:00-21:00 your time (Mon 08:00-10:00 theirs, in Pacific/Auckland)");
        assertThat(time.admin()).isEqualTo("3 h a week together: "
                + "Mon 08:00-10:00 researcher's time (Sun 19:00-21:00 mentor's time), "
                + "Tue 08:00-09:00 researcher's time (Mon 19:00-20:00 mentor's time); "
                + "researcher in Pacific/Auckland, mentor in Europe/London");
    }

    @Test
    void atMostFourWindowsThenAndMore() {
        MentorshipRequest request = People.request("r-1")
                .slots("MON 09:00-10:00", "TUE 09:00-10:00", "WED 09:00-10:00", "THU 09:00-10:00", "FRI 09:00-10:00")
                .build();
        Mentor mentor = People.mentor("m-1").zone("Europe/Paris")
                .slots("MON 10:00-11:00", "TUE 10:00-11:00", "WED 10:00-11:00", "THU 10:00-11:00", "FRI 10:00-11:00")
                .build();

        assertThat(Explanations.time(request, mentor, 300).researcher()).isEqualTo("5 h a week together: "
                + "Mon 09:00-10:00 your time (Mon 10:00-11:00 in Europe/Paris), "
                + "Tue 09:00-10:00 your time (Tue 10:00-11:00 in Europe/Paris), "
                + "Wed 09:00-10:00 your time (Wed 10:00-11:00 in Europe/Paris), "
                + "Thu 09:00-10:00 your time (Thu 10:00-11:00 in Europe/Paris) and more");
        assertThat(Explanations.time(request, mentor, 300).admin())
                .endsWith("Thu 09:00-10:00 researcher's time (Thu 10:00-11:00 mentor's time) and more; "
                        + "researcher in UTC, mentor in Europe/Paris");
    }

    @Test
    void languagesByTheirEnglishNames() {
        MentorshipRequest request = People.request("r-1").languages("en", "sw", "fr").build();
        assertThat(Explanations.languages(request, People.mentor("m-1").languages("sw", "en").build()))
                .isEqualTo(Wording.same("Shared languages: English, Swahili"));
        assertThat(Explanations.languages(request, People.mentor("m-2").languages("fr", "pt").build()))
                .isEqualTo(Wording.same("Shared language: French"));
    }

    @Test
    void brokenRulesInPlainWords() {
        MentorshipRequest request = People.request("r-1").languages("pt").excluded("m-1")
                .startDate(LocalDate.of(2026, 2, 2)).minOverlapMinutes(90).build();
        Mentor mentor = People.mentor("m-1").languages("en", "fr")
                .available(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31)).build();
        PairFit fit = new PairFit(45, 0, 0, -1, false, false, Set.of(HardRule.TIME_TOGETHER));

        assertThat(Explanations.broken(HardRule.LANGUAGE, request, mentor, fit)).isEqualTo(new Wording(
                "No shared language: you speak Portuguese, the mentor speaks English, French",
                "No shared language: they speak Portuguese, you speak English, French",
                "No shared language: the researcher speaks Portuguese, the mentor speaks English, French"));
        assertThat(Explanations.broken(HardRule.DATES, request, mentor, fit)).isEqualTo(new Wording(
                "The mentor is available from 2026-03-01 until 2026-12-31, not on your start date 2026-02-02",
                "You are available from 2026-03-01 until 2026-12-31, not on their start date 2026-02-02",
                "The mentor is available from 2026-03-01 until 2026-12-31, "
                        + "not on the researcher's start date 2026-02-02"));
        assertThat(Explanations.broken(HardRule.CONFLICT, request, mentor, fit)).isEqualTo(new Wording(
                "You asked not to be matched with this mentor", "They asked not to be matched with you",
                "The researcher asked not to be matched with this mentor"));
        assertThat(Explanations.broken(HardRule.CONFLICT, request, People.mentor("r-1").build(), fit).admin())
                .isEqualTo("The mentor is the same person as the researcher");
        assertThat(Explanations.broken(HardRule.TIME_TOGETHER, request, mentor, fit))
                .isEqualTo(Wording.same("Only 45 min a week together, less than the 1 h 30 min asked for"));
        assertThat(Explanations.broken(HardRule.CAPACITY, request, mentor, fit)).isEqualTo(new Wording(
                "The mentor has no free place", "You have no free place", "The mentor has no free place"));
    }

    @Test
    void durations() {
        assertThat(Explanations.duration(45)).isEqualTo("45 min");
        assertThat(Explanations.duration(60)).isEqualTo("1 h");
        assertThat(Explanations.duration(150)).isEqualTo("2 h 30 min");
        assertThat(Explanations.duration(0)).isEqualTo("0 min");
    }
}
