package org.mentoring.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.people.PeopleComponents;
import org.mentoring.store.StoreAutoConfiguration;
import org.mentoring.taxonomy.TaxonomyAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every way to choose a password (sign-up, an invitation's link, a change, the first admin from the environment)
 * refuses one BCrypt cannot hash, or a common one, as invalid input naming the field, and stores nothing. Before,
 * a password of more than 72 bytes in UTF-8 reached BCrypt, which threw (a 500, or a failed start).
 */
class AccountPasswordRulesTest {

    /** 64 characters, 73 bytes: within the length, over BCrypt's 72 bytes. */
    static final String SEVENTY_THREE_BYTES = "Fjällräven kåsa ödmjuk älvdal slingrar sig över fjällen mot sjöö";
    static final String GOOD = "tidal marsh kettle drum";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StoreAutoConfiguration.class, MongoAutoConfiguration.class,
                    MongoDataAutoConfiguration.class, TaxonomyAutoConfiguration.class))
            .withUserConfiguration(PeopleComponents.class)
            .withPropertyValues("mentoring.embedded-in-memory=true", "spring.data.mongodb.auto-index-creation=true");

    @Test
    void everyWayToChooseAPasswordRefusesABadOneNamingTheField() {
        assertThat(SEVENTY_THREE_BYTES.getBytes(StandardCharsets.UTF_8)).hasSize(73);
        runner.run(context -> {
            AccountService accounts = context.getBean(AccountService.class);
            PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
            String token = accounts.invite("invited@example.org", "Invited Mentor", Role.MENTOR, null, "admin")
                    .token();
            accounts.signUp("member@example.org", GOOD, "A Member");

            for (String bad : List.of(SEVENTY_THREE_BYTES, "é".repeat(40), "Password123!",
                    "a-sixty-five-character-password-is-one-too-long-for-the-rules-now")) {
                assertRefused(() -> accounts.signUp("new.researcher@example.org", bad, "New Researcher"),
                        "password");
                assertThat(accounts.findByEmail("new.researcher@example.org")).isEmpty();

                assertRefused(() -> accounts.setPassword(token, bad), "password");
                assertThat(accounts.findByEmail("invited@example.org").orElseThrow().passwordSet()).isFalse();

                assertRefused(() -> accounts.changePassword("member@example.org", GOOD, bad), "newPassword");
                assertThat(encoder.matches(GOOD, accounts.credentials("member@example.org").orElseThrow()
                        .passwordHash())).as("the old password still works").isTrue();

                assertRefused(() -> accounts.ensureAdmin("first.admin@example.org", bad),
                        "MENTORING_ADMIN_PASSWORD");
                assertThat(accounts.hasAdmin()).isFalse();
            }
        });
    }

    @Test
    void aPasswordOfExactly72BytesIsHashedAndWorks() {
        String seventyTwoBytes = SEVENTY_THREE_BYTES.replace("sjöö", "sjön");
        runner.run(context -> {
            AccountService accounts = context.getBean(AccountService.class);
            accounts.signUp("nordic@example.org", seventyTwoBytes, "Nordic Researcher");
            assertThat(context.getBean(PasswordEncoder.class).matches(seventyTwoBytes, accounts.credentials("nordic@example.org").orElseThrow()
                            .passwordHash())).isTrue();
        });
    }

    private static void assertRefused(Executable call, String field) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, call::execute);
        assertThat(refused).as("refused as invalid input naming " + field).isNotNull();
        List<FieldError> errors = refused.errors();
        assertThat(errors).isNotEmpty().allSatisfy(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).startsWith("The password ");
        });
    }
}
