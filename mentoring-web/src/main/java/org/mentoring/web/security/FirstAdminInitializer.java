package org.mentoring.web.security;

import org.mentoring.accounts.AccountService;
import org.mentoring.common.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin from {@code MENTORING_ADMIN_EMAIL} and {@code MENTORING_ADMIN_PASSWORD} when missing;
 * with neither set and no admin in the store, says in the log how to create one. Runs before the web server starts.
 */
@Component
class FirstAdminInitializer implements org.springframework.beans.factory.SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);

    private final AccountService accounts;
    private final String email;
    private final String password;

    FirstAdminInitializer(AccountService accounts, @Value("${mentoring.admin.email:}") String email,
            @Value("${mentoring.admin.password:}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    /**
     * Creates the admin once every bean is made and before the web server starts (it starts with the context's
     * lifecycle, after this), so that the first sign-in after the app answers works; an ApplicationRunner ran after
     * requests were answered.
     */
    @Override
    public void afterSingletonsInstantiated() {
        run(null);
    }

    void run(ApplicationArguments args) {
        if (!email.isBlank() && !password.isBlank()) {
            try {
                if (accounts.ensureAdmin(email, password)) {
                    log.info("Created the first admin account {}", AccountService.normalize(email));
                }
            } catch (InvalidInputException e) {
                log.error("The first admin was not created: {}", String.join("; ",
                        e.errors().stream().map(error -> error.field() + ": " + error.message()).toList()));
            }
        } else if (!email.isBlank() || !password.isBlank()) {
            log.warn("Set both MENTORING_ADMIN_EMAIL and MENTORING_ADMIN_PASSWORD to create the first admin");
        }
        if (!accounts.hasAdmin()) {
            log.warn("There is no admin account. To create one, set MENTORING_ADMIN_EMAIL and "
                    + "MENTORING_ADMIN_PASSWORD (12 to 64 characters, not a common password) and restart the app.");
        }
    }
}
