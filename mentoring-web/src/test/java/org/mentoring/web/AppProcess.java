package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own, on the test's classpath, so that a test can kill it with {@code kill -9}
 * ({@link #kill}) or stop it with SIGTERM ({@link #stop}) as an operator or a crash would.
 */
final class AppProcess implements AutoCloseable {

    /** Far more than a start takes on a quiet machine (about 10 s): on a loaded one, it took over two minutes. */
    static final Duration START_PATIENCE = Duration.ofSeconds(180);

    private final Process process;
    private final Path log;
    private final Http http;

    private AppProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.http = new Http(port).asAdmin();
    }

    /**
     * Starts the app on {@code port} with the tests' admin and these arguments ({@code --name=value}), its output in
     * {@code log}, and waits until it is ready.
     */
    static AppProcess start(int port, Path log, String... arguments) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m",
                // a short-lived JVM: C1 only and the serial collector start it sooner (the tests time no solving)
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                // the build's password hash cost (the root pom's surefire settings), 10 where it is not set
                "-Dmentoring.security.password-hash-cost=" + System.getProperty("mentoring.security.password-hash-cost",
                        "10"),
                "-cp", classpath, MentoringApplication.class.getName(),
                "--server.port=" + port, "--" + Http.ADMIN_EMAIL_PROPERTY, "--" + Http.ADMIN_PASSWORD_PROPERTY));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppProcess app = new AppProcess(process, log, port);
        try {
            await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
                assertThat(process.isAlive()).as("the app is running; its log: " + Files.readString(log)).isTrue();
                try {
                    return app.http.get("/actuator/health/readiness").status() == 200;
                } catch (UncheckedIOException notYet) {
                    return false;
                }
            });
        } catch (RuntimeException | AssertionError notReady) {
            // a start that never became ready must not leave its JVM running through the rest of the suite
            process.destroyForcibly();
            throw notReady;
        }
        return app;
    }

    /** The app signed in as the tests' admin. */
    Http http() {
        return http;
    }

    /** {@code kill -9}: the process ends at once, with nothing saved or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** SIGTERM, as an operator stops the app; answers whether it ended within a minute. */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
