package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mentoring.store.EmbeddedMongoServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A start on a real MongoDB (MONGODB_URI) never creates the demo community and its demo accounts, whose password
 * is in the README, unless MENTORING_DEMO_DATA=true says so explicitly; the embedded default still loads the demo
 * (see BrowserTest and MentoringApplicationTest, which start without MENTORING_DEMO_DATA).
 */
class DemoDataDefaultsTest {

    static final String DEMO_ADMIN = "coordinator@demo.example.org";
    static final String DEMO_PASSWORD = "demo-mentoring-2026";

    @Test
    void aStartOnAMongoDbLoadsTheDemoOnlyWhenMentoringDemoDataIsTrue() {
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.inMemory()) {
            try (ConfigurableApplicationContext app = start(mongo.connectionString("unset"))) {
                Http anonymous = http(app);
                assertThat(anonymous.as(DEMO_ADMIN, DEMO_PASSWORD).get("/api/v1/me").status())
                        .as("no demo coordinator with the README's password").isEqualTo(401);
                assertThat(anonymous.asAdmin().get("/api/v1/mentors").json().get("totalElements").asInt())
                        .as("no demo community").isZero();
            }
            // what the store holds at the moment the web server starts: the first request may come right then
            java.util.concurrent.atomic.AtomicReference<String> atServerStart = new java.util.concurrent.atomic
                    .AtomicReference<>();
            org.springframework.context.ApplicationListener<
                    org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent> serverStarts =
                    event -> atServerStart.set("mentors " + event.getApplicationContext()
                            .getBean(org.mentoring.people.persistence.MentorService.class).count() + ", admin "
                            + event.getApplicationContext().getBean(org.mentoring.accounts.AccountService.class)
                                    .hasAdmin());
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MentoringApplication.class)
                    .listeners(serverStarts).run(args(mongo.connectionString("explicit"),
                            "--mentoring.demo-data=true"))) {
                assertThat(atServerStart.get()).as("the demo and the first admin are in before the server answers")
                        .isEqualTo("mentors 48, admin true");
                Http anonymous = http(app);
                assertThat(anonymous.as(DEMO_ADMIN, DEMO_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
                assertThat(anonymous.asAdmin().get("/api/v1/mentors").json().get("totalElements").asInt())
                        .isPositive();
            }
        }
    }

    private static ConfigurableApplicationContext start(String mongodbUri, String... more) {
        return new SpringApplicationBuilder(MentoringApplication.class).run(args(mongodbUri, more));
    }

    private static String[] args(String mongodbUri, String... more) {
        String[] args = new String[] {"--server.port=0", "--mentoring.mongodb-uri=" + mongodbUri,
            "--spring.application.name=demo-data-defaults", "--" + Http.ADMIN_EMAIL_PROPERTY,
            "--" + Http.ADMIN_PASSWORD_PROPERTY};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    private static Http http(ConfigurableApplicationContext app) {
        return new Http(((ServletWebServerApplicationContext) app).getWebServer().getPort());
    }
}
