package org.mentoring.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @Test
    void acceptsALongMixedPassword() {
        assertThat(PasswordPolicy.problems("river-stone 42 monsoon", "j.singh@example.org", "J. Singh")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tidal marsh kettle drum", "lamp quietly orbit fennel"})
    void acceptsAPassphraseOfUncommonWordsWithoutDigitsOrSymbols(String passphrase) {
        assertThat(PasswordPolicy.problems(passphrase, "amina@example.org", "Amina Mwangi")).isEmpty();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(PasswordPolicy.problems("short1!", null, null))
                .containsExactly("must be at least 12 characters long");
        assertThat(PasswordPolicy.problems(null, null, null))
                .containsExactly("must be at least 12 characters long");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // 11 characters, 13 UTF-16 units: two are outside the Basic Multilingual Plane
        String elevenCharacters = "\uD83C\uDF0D\uD83C\uDF0Dtidal-mar";
        assertThat(elevenCharacters.length()).isEqualTo(13);
        assertThat(PasswordPolicy.problems(elevenCharacters, null, null))
                .containsExactly("must be at least 12 characters long");
    }

    @Test
    void refusesMoreThan64Characters() {
        String sixtyFour = "tidal marsh kettle drum lamp quietly orbit fennel copper lantern";
        assertThat(sixtyFour).hasSize(64);
        assertThat(PasswordPolicy.problems(sixtyFour, null, null)).isEmpty();
        assertThat(PasswordPolicy.problems(sixtyFour + "s", null, null))
                .containsExactly("must be at most 64 characters long (it has 65)");
    }

    @Test
    void refusesMoreThan72BytesInUtf8ThoughFewerThan64Characters() {
        String accented = "é".repeat(40);
        assertThat(accented.getBytes(StandardCharsets.UTF_8)).hasSize(80);
        assertThat(PasswordPolicy.problems(accented, null, null)).singleElement().asString()
                .startsWith("must be at most 72 bytes in UTF-8, and this one takes 80");
        String seventyTwoBytes = "Fjällräven kåsa ödmjuk älvdal slingrar sig över fjällen mot sjön";
        assertThat(seventyTwoBytes).hasSize(64);
        assertThat(seventyTwoBytes.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        assertThat(PasswordPolicy.problems(seventyTwoBytes, null, null)).isEmpty();
        assertThat(PasswordPolicy.problems(seventyTwoBytes.replace("sjön", "sjöö"), null, null)).singleElement()
                .asString().startsWith("must be at most 72 bytes in UTF-8, and this one takes 73");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "Password123!", "qwertyuiop12", "123456789012", "iloveyou1234",
        "correct horse battery staple", "P@ssw0rd2024!", "aaaaaaaaaaa1", "abcdefghijkl", "qwerty123456789"})
    void refusesCommonAndLeakedPasswords(String common) {
        assertThat(PasswordPolicy.problems(common, null, null)).singleElement().asString()
                .startsWith("is too easy to guess");
    }

    @Test
    void namesAWholeLeakedPasswordAsSuch() {
        assertThat(PasswordPolicy.problems("correct horse battery staple", null, null))
                .containsExactly("is too easy to guess: it is a common or leaked password");
    }

    @Test
    void noLongerAsksForDigitsOrSymbols() {
        assertThat(PasswordPolicy.problems("tidalmarshkettledrum", null, null)).isEmpty();
        // a near miss of a famous passphrase is still that passphrase
        assertThat(PasswordPolicy.problems("correcthorsebatteryclinic", null, null)).singleElement().asString()
                .startsWith("is too easy to guess");
    }

    @Test
    void refusesTheOwnEmailOrName() {
        assertThat(PasswordPolicy.problems("jsingh-2026-pass", "jsingh@example.org", null))
                .containsExactly("must not contain your email address");
        assertThat(PasswordPolicy.problems("mwangi#2026#blue", "a@example.org", "Amina Mwangi"))
                .containsExactly("must not contain your name");
    }

    @Test
    void theTestsPasswordsPass() {
        for (String password : List.of("Test-admin-pass-2026", "matrix-test-pass 2026",
                "lifecycle-test-pass 2026", "tangerine-river 2026", "copper-lantern 2027",
                "Long-enough-pass-2026")) {
            assertThat(PasswordPolicy.problems(password, "someone@example.org", "Some One")).as(password).isEmpty();
        }
    }

    @Test
    void aCheckIsFastEvenOnPathologicalPasswords() {
        PasswordPolicy.problems("warm the dictionaries up", null, null);
        for (String password : List.of("ab".repeat(32), "pass".repeat(16), "1a2b".repeat(16),
                "qwerty12".repeat(8), "tidal marsh kettle drum lamp quietly orbit fennel copper lantern")) {
            long start = System.nanoTime();
            PasswordPolicy.problems(password, "someone@example.org", "Some One");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("Password check of " + password.length() + " characters: " + took.toMillis() + " ms");
            assertThat(took).as(password).isLessThan(Duration.ofSeconds(1));
        }
    }
}
