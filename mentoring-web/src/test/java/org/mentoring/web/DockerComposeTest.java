package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Validates docker-compose.yml with {@code docker-compose config}, which needs no Docker engine. Skipped, saying
 * so, where no docker-compose (or docker compose) command is installed; .ci/run installs it.
 */
class DockerComposeTest {

    @Test
    void composeFileIsValidAndJoinsAppToMongoDb() throws Exception {
        Path root = repositoryRoot();
        List<String> command = composeCommand();
        assumeTrue(command != null, "docker-compose is not installed: compose file not validated");
        ProcessBuilder builder = new ProcessBuilder(concat(command, "config"))
                .directory(root.toFile()).redirectErrorStream(true);
        builder.environment().remove("MENTORING_DEMO_DATA"); // the compose file's own default, not the caller's
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("image: mongo:8.0.4")
                .contains("--replSet")
                .contains("MONGODB_URI: mongodb://mongo:27017/mentoring?replicaSet=rs0")
                .contains("condition: service_healthy")
                .contains("healthcheck:")
                .contains("mongo-data")
                // the production-like stack never creates the demo accounts (their password is in the README)
                .containsPattern("MENTORING_DEMO_DATA: \"?false\"?\\n");
    }

    private static List<String> concat(List<String> command, String arg) {
        return java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of(arg)).toList();
    }

    private static List<String> composeCommand() {
        if (works(List.of("docker-compose", "version"))) {
            return List.of("docker-compose");
        }
        if (works(List.of("docker", "compose", "version"))) {
            return List.of("docker", "compose");
        }
        return null;
    }

    private static boolean works(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root with docker-compose.yml").isNotNull();
        return dir;
    }
}
