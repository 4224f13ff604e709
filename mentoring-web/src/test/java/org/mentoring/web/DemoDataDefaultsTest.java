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
            try (ConfigurableApplicationContext app = start(mongo.connectionString("explicit"),
                    "--mentoring.demo-data=true")) {
                Http anonymous = http(app);
                assertThat(anonymous.as(DEMO_ADMIN, DEMO_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
                assertThat(anonymous.asAdmin().get("/api/v1/mentors").json().get("totalElements").asInt())
                        .isPositive();
            }
        }
    }

    private static ConfigurableApplicationContext start(String mongodbUri, String... more) {
        String[] args = new String[] {"--server.port=0", "--mentoring.mongodb-uri=" + mongodbUri,
            "--spring.application.name=demo-data-defaults", "--" + Http.ADMIN_EMAIL_PROPERTY,
            "--" + Http.ADMIN_PASSWORD_PROPERTY};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return new SpringApplicationBuilder(MentoringApplication.class).run(all);
    }

    private static Http http(ConfigurableApplicationContext app) {
        return new Http(((ServletWebServerApplicationContext) app).getWebServer().getPort());
    }
}
