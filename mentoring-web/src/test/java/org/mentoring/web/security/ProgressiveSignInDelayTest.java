package org.mentoring.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockingDetails;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mentoring.accounts.AccountService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Repeated failed sign-ins slow further attempts down (429 with {@code Retry-After}) instead of locking the account,
 * every attempt is counted before its password is checked, so parallel guesses get no more checks than a series;
 * and forwarded headers from an address that is not a trusted proxy are ignored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "mentoring.embedded-in-memory=true", "mentoring.demo-data=false", SecurityTests.ADMIN_EMAIL_PROPERTY,
    SecurityTests.ADMIN_PASSWORD_PROPERTY, "spring.application.name=sign-in-delays",
    // the tests' requests come from this machine, which is then not a trusted proxy
    "server.tomcat.remoteip.internal-proxies=10\\\\.9\\\\.9\\\\.9"})
class ProgressiveSignInDelayTest {

    static final String PASSWORD = "saffron-glacier 5521";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @MockitoSpyBean
    PasswordEncoder passwordEncoder;

    @Test
    void thirtyParallelWrongGuessesGetAtMostFivePasswordChecks() throws Exception {
        String email = "parallel.target@uni.example.org";
        accounts.signUp(email, PASSWORD, "Parallel Target");
        clearInvocations(passwordEncoder);
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Browser.Answer>> guesses = new ArrayList<>();
        for (int guess = 0; guess < 30; guess++) {
            String password = "wrong guess " + guess + " 2026";
            guesses.add(() -> {
                start.await();
                return Browser.on(port).with("Authorization", Browser.basic(email, password)).get("/api/v1/me");
            });
        }
        List<Browser.Answer> answers = new ArrayList<>();
        long began = System.nanoTime();
        try {
            List<Future<Browser.Answer>> pending = new ArrayList<>();
            guesses.forEach(guess -> pending.add(pool.submit(guess)));
            start.countDown();
            for (Future<Browser.Answer> answer : pending) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        // five at once, then one more for each 10 s the burst took on a busy machine (usually none)
        long allowed = 5 + (System.nanoTime() - began) / 10_000_000_000L;
        long checks = passwordChecks();
        assertThat(checks).isBetween(5L, allowed);
        assertThat(answers).filteredOn(answer -> answer.status() == 401).hasSize((int) checks);
        assertThat(answers).filteredOn(answer -> answer.status() == 429).hasSize(30 - (int) checks)
                .allSatisfy(answer -> assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 20L));

        clearInvocations(passwordEncoder);
        Browser.Answer owner = Browser.on(port).with("Authorization", Browser.basic(email, PASSWORD))
                .get("/api/v1/me");
        assertThat(owner.status()).as("the owner too waits a little, unchecked").isEqualTo(429);
        assertThat(passwordChecks()).isZero();
    }

    @Test
    void theSignInFormSaysHowLongToWait() {
        String email = "form.target@uni.example.org";
        accounts.signUp(email, PASSWORD, "Form Target");
        Browser browser = Browser.on(port);
        for (int guess = 0; guess < 5; guess++) {
            assertThat(browser.signIn(email, "form guess " + guess + " 2026").header("Location"))
                    .endsWith("/sign-in?error");
        }

        String waiting = browser.signIn(email, PASSWORD).header("Location");

        assertThat(waiting).matches(".*/sign-in\\?wait=([1-9]|10)");
        assertThat(browser.get(waiting.substring(waiting.indexOf("/sign-in"))).body())
                .contains("Too many failed sign-ins: wait").contains("seconds, then try again");
    }

    @Test
    void forwardedHeadersFromAnAddressThatIsNotATrustedProxyAreIgnored() throws Exception {
        Browser.Answer answer = Browser.on(port).with("X-Forwarded-For", "203.0.113.8")
                .with("X-Forwarded-Proto", "https")
                .with("Authorization", Browser.basic("spoofing.guess@uni.example.org", "wrong guess 2026"))
                .get("/api/v1/me");

        assertThat(answer.header("Strict-Transport-Security")).isNull();
        assertThat(TrustedProxyTest.failedSignInAddress("spoofing.guess@uni.example.org", Browser.on(port)
                .with("Authorization", Browser.basic(SecurityTests.ADMIN_EMAIL, SecurityTests.ADMIN_PASSWORD))))
                .isNotEqualTo("203.0.113.8").isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    private long passwordChecks() {
        return mockingDetails(passwordEncoder).getInvocations().stream()
                .filter(invocation -> invocation.getMethod().getName().equals("matches")).count();
    }
}
