package org.mentoring.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsALongMixedPassword() {
        assertThat(PasswordPolicy.problems("river-stone 42 monsoon", "j.singh@example.org", "J. Singh")).isEmpty();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(PasswordPolicy.problems("short1!", null, null))
                .containsExactly("must be at least 12 characters long");
    }

    @Test
    void refusesWellKnownAndRepetitivePasswords() {
        assertThat(PasswordPolicy.problems("password1234", null, null)).contains("is too easy to guess");
        assertThat(PasswordPolicy.problems("aaaaaaaaaaa1", null, null)).contains("is too easy to guess");
    }

    @Test
    void refusesLettersOnly() {
        assertThat(PasswordPolicy.problems("correcthorsebattery", null, null))
                .containsExactly("must mix letters with digits, spaces or symbols");
    }

    @Test
    void refusesTheOwnEmailOrName() {
        assertThat(PasswordPolicy.problems("jsingh-2026-pass", "jsingh@example.org", null))
                .containsExactly("must not contain your email address");
        assertThat(PasswordPolicy.problems("mwangi#2026#blue", "a@example.org", "Amina Mwangi"))
                .containsExactly("must not contain your name");
    }
}
