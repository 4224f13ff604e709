package org.mentoring.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecentPasswordChecksTest {

    private final RecentPasswordChecks checks = new RecentPasswordChecks(Duration.ofMinutes(5));

    @Test
    void aRememberedPasswordMatchesOnlyTheSameAccountPasswordAndHash() {
        checks.remember("Ada@Uni.example.org", "correct horse 2026", "{bcrypt}hash-1");

        assertThat(checks.matches("ada@uni.example.org", "correct horse 2026", "{bcrypt}hash-1")).isTrue();
        assertThat(checks.matches("ada@uni.example.org", "correct horse 2027", "{bcrypt}hash-1")).isFalse();
        assertThat(checks.matches("ada@uni.example.org", "correct horse 2026", "{bcrypt}hash-2"))
                .as("a changed password hash voids the remembered check").isFalse();
        assertThat(checks.matches("bob@uni.example.org", "correct horse 2026", "{bcrypt}hash-1")).isFalse();
    }

    @Test
    void forgettingAnAccountVoidsItsCheck() {
        checks.remember("ada@uni.example.org", "correct horse 2026", "{bcrypt}hash-1");
        checks.forget("ADA@uni.example.org");

        assertThat(checks.matches("ada@uni.example.org", "correct horse 2026", "{bcrypt}hash-1")).isFalse();
    }

    @Test
    void aZeroTtlRemembersNothing() {
        RecentPasswordChecks off = new RecentPasswordChecks(Duration.ZERO);
        off.remember("ada@uni.example.org", "correct horse 2026", "{bcrypt}hash-1");

        assertThat(off.matches("ada@uni.example.org", "correct horse 2026", "{bcrypt}hash-1")).isFalse();
    }
}
