package org.mentoring.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void canonicalFormIsTrimmedNfkcAndLowerCase() {
        assertThat(EmailAddress.canonical("  Anjali.Singh@Example.ORG ")).isEqualTo("anjali.singh@example.org");
        assertThat(EmailAddress.canonical(null)).isNull();
    }

    @Test
    void lookAlikesAreNeverTheSameAddress() {
        String anjali = "anjali.singh.r-00001@example.org";
        assertThat(EmailAddress.same("anjal\u0131.singh.r-00001@example.org", anjali)).isFalse(); // dotless i
        assertThat("anjal\u0131.singh.r-00001@example.org".equalsIgnoreCase(anjali)).isTrue(); // what Java folds
        assertThat(EmailAddress.same("anjali.\u017Fingh.r-00001@example.org", anjali))
                .as("long s folds to s under NFKC, which is why it is refused on input")
                .isTrue();
        assertThat(EmailAddress.same("ANJALI.singh.r-00001@example.org", anjali)).isTrue();
        assertThat(EmailAddress.same(null, anjali)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "anjal\u0131.singh@example.org", // dotless i
        "anjali.\u017Fingh@example.org", // long s
        "\u212Aofi@example.org", // Kelvin sign
        "\uFF41njali@example.org", // full-width a
        "anjali\u200B@example.org", // zero-width space
        "anjali\u202E@example.org", // right-to-left override
        "anjali\u00A0@example.org", // no-break space
        "anjali\u0000@example.org", // NUL
        "\u0130nci@example.org", // capital I with dot above
        "jose\u0301@example.org" // decomposed accent
    })
    void lookAlikeOrInvisibleCharactersAreRefused(String typed) {
        assertThat(EmailAddress.problem(typed)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anjali.singh@example.org", "A.Mwangi@Example.org", "  j.singh@example.org ",
        "jos\u00E9@example.org", "m\u00FCller@example.de"})
    void ordinaryAddressesAreAccepted(String typed) {
        assertThat(EmailAddress.problem(typed)).isEmpty();
    }
}
