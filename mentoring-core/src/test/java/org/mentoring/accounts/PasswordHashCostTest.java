package org.mentoring.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password hash's cost: 10 unless {@code mentoring.security.password-hash-cost} says otherwise (the test runs set
 * 4, BCrypt's floor, through the build's system properties); a hash stays checkable whatever the cost is now.
 */
class PasswordHashCostTest {

    @Test
    void withoutTheSettingNewHashesAreBcryptOfCostTen() {
        StandardEnvironment environment = new StandardEnvironment();
        // the test JVM's own system property (the build's lower cost) is not what a deployment sees
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.setEnvironment(environment);
            context.register(AccountsConfiguration.class);
            context.refresh();
            String hash = context.getBean(PasswordEncoder.class).encode("correct horse 2026");
            assertThat(hash).startsWith("{bcrypt}$2a$10$");
            assertThat(context.getBean(PasswordEncoder.class).matches("correct horse 2026", hash)).isTrue();
        }
    }

    @Test
    void aHashOfAnotherCostIsCheckedAtItsOwnCost() {
        String strong = AccountsConfiguration.encoder(AccountsConfiguration.DEFAULT_COST).encode("correct horse 2026");
        PasswordEncoder cheap = AccountsConfiguration.encoder(AccountsConfiguration.LOWEST_COST);
        assertThat(cheap.encode("correct horse 2026")).startsWith("{bcrypt}$2a$04$");
        assertThat(cheap.matches("correct horse 2026", strong)).isTrue();
        assertThat(cheap.matches("correct horse 2027", strong)).isFalse();
    }

    @Test
    void aStoredHashOfAnotherKindMatchesNoPassword() {
        PasswordEncoder encoder = AccountsConfiguration.encoder(AccountsConfiguration.DEFAULT_COST);
        assertThat(encoder.matches("plain", "{noop}plain")).isFalse();
        assertThat(encoder.matches("plain", "plain")).isFalse();
        assertThat(encoder.matches("plain", "{sha256}plain")).isFalse();
        // a BCrypt hash stored without its {bcrypt} mark is still BCrypt: checked as one
        String bare = new BCryptPasswordEncoder(4).encode("plain");
        assertThat(encoder.matches("plain", bare)).isTrue();
        assertThat(encoder.matches("other", bare)).isFalse();
    }

    @Test
    void aCostOutsideBcryptsRangeIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> AccountsConfiguration.encoder(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mentoring.security.password-hash-cost").hasMessageContaining("not 3");
        assertThatThrownBy(() -> AccountsConfiguration.encoder(32)).isInstanceOf(IllegalArgumentException.class);
    }
}
