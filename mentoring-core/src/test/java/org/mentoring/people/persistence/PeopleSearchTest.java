package org.mentoring.people.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the coordinator's search box matches: text as text, and countries by code or English name. */
class PeopleSearchTest {

    @Test
    void aCountryIsFoundByItsCodeOrAPartOfItsEnglishName() {
        assertThat(PeopleSearch.countries("kenya")).containsExactly("KE");
        assertThat(PeopleSearch.countries("KE")).containsExactly("KE");
        assertThat(PeopleSearch.countries("guinea")).contains("GN", "GW", "GQ", "PG");
        // two letters that are no country's code name none, rather than every country with them in its name
        assertThat(PeopleSearch.countries("zz")).isEmpty();
        assertThat(PeopleSearch.countries("an")).isEmpty();
    }

    @Test
    void typedTextIsQuotedNeverAPattern() {
        String query = PeopleSearch.textCriteria("a.*(b").getCriteriaObject().toJson();
        assertThat(query).contains("\\\\Qa.*(b\\\\E");
        assertThat(PeopleSearch.textCriteria("  ")).isNull();
        assertThat(PeopleSearch.textCriteria("x".repeat(500)).getCriteriaObject().toJson())
                .doesNotContain("x".repeat(PeopleSearch.MAX_QUERY_LENGTH + 1));
    }
}
