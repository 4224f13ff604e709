package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A restore checks every document of the archive as the application reads and imports it before it writes anything:
 * an archive without an enabled admin, with a duplicate id, a collection the application does not have, a role or a
 * capacity the application refuses, or one that inflates without end, is answered 422 naming the entry, line and
 * field, in a short answer, and the instance keeps its data and answers on every list as before.
 *
 * <p>Two instances for the class: the source of the backup, and one target that refuses the bad archives first and,
 * having kept nothing of them, takes the good one last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreValidationTest {

    /** The lists a coordinator reads after a restore; each answered 500 after a restore of a bad document. */
    private static final List<String> LISTS = List.of("/api/v1/accounts", "/api/v1/mentors", "/api/v1/requests",
            "/api/v1/me", "/api/v1/audit-events", "/api/v1/mentorships", "/api/v1/matching-runs");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConfigurableApplicationContext source;
    private static byte[] backup;
    /** An instance with nothing but its admin: the bad archives change nothing in it, the good one fills it. */
    private static ConfigurableApplicationContext target;

    @BeforeAll
    static void backUpACommunity() {
        source = start();
        Http http = http(source);
        assertThat(http.postJson("/api/v1/import", Samples.IMPORT).status()).isEqualTo(200);
        backup = download(source);
        target = start();
    }

    @AfterAll
    static void stop() {
        source.close();
        target.close();
    }

    @Test
    @Order(1)
    void anArchiveTheApplicationCouldNotUseIsRefusedNamingEntryLineAndFieldAndChangesNothing() throws Exception {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("no enabled ADMIN account", edit(backup, "accounts.jsonl",
                lines -> lines.replace("\"enabled\": true", "\"enabled\": false")));
        bad.put("mentors.jsonl line 2 (_id |, _id: _id |is already the _id of an earlier document", edit(backup,
                "mentors.jsonl", lines -> lines + lines.lines().findFirst().orElseThrow() + "\n"));
        bad.put("'system.users' is not a collection of this application", add(backup, "system.users.jsonl",
                "{\"_id\": \"admin.intruder\", \"user\": \"intruder\", \"roles\": [\"root\"]}\n"));
        bad.put("accounts.jsonl line | (_id 'a-root'), role: role 'ROOT' is not a value the application can read",
                edit(backup, "accounts.jsonl", lines -> lines + lines.lines().findFirst().orElseThrow()
                        .replaceFirst("\"_id\": (\\{[^}]*}|\"[^\"]*\")", "\"_id\": \"a-root\"")
                        .replace(Http.ADMIN_EMAIL, "root@test.example.org").replace("\"ADMIN\"", "\"ROOT\"") + "\n"));
        bad.put("mentors.jsonl line 1 (_id |capacity: capacity must be between 0 and 100, not -4",
                edit(backup, "mentors.jsonl", lines -> lines.replaceFirst(
                        "\"capacity\": \\{\"\\$numberInt\": \"\\d+\"}", "\"capacity\": {\"\\$numberInt\": \"-4\"}")));

        Http http = http(target);
        String accounts = http.get("/api/v1/accounts").body();
        String people = http.peopleSnapshot();
        for (Map.Entry<String, byte[]> archive : bad.entrySet()) {
            Http.Answer refused = upload(http, archive.getValue());

            assertThat(refused.status()).as(archive.getKey() + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.json().get("detail").asText()).contains(archive.getKey().split("\\|"));
            assertThat(refused.body().length()).isLessThan(4_000);
            assertThat(http.get("/api/v1/admin/restore/status").json().get("state").asText()).isEqualTo("IDLE");
            for (String list : LISTS) {
                assertThat(http.get(list).status()).as(list).isEqualTo(200);
            }
            assertThat(http.get("/api/v1/accounts").body()).as("the instance keeps its admin").isEqualTo(accounts);
            assertThat(http.peopleSnapshot()).isEqualTo(people);
        }
    }

    @Test
    @Order(2)
    void aZipBombIsRefusedQuicklyWithASmallAnswer() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("accounts.jsonl"));
            byte[] block = new byte[1024 * 1024];
            Arrays.fill(block, (byte) '{');
            for (int i = 0; i < 100; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        assertThat(bomb.size()).as("a small zip").isLessThan(200_000);
        String people = http(target).peopleSnapshot();
        long started = System.nanoTime();

        Http.Answer refused = upload(http(target), bomb.toByteArray());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().length()).as(refused.body()).isLessThan(1_000);
        assertThat(refused.json().get("detail").asText()).contains("accounts.jsonl line 1 is longer than");
        assertThat(http(target).peopleSnapshot()).isEqualTo(people);
    }

    @Test
    @Order(3)
    void aGoodArchiveIsRestoredAndEveryListAnswers() {
        Http http = http(target);

        Http.Answer restored = upload(http, backup);

        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        for (String list : LISTS) {
            assertThat(http.get(list).status()).as(list).isEqualTo(200);
        }
        assertThat(http.peopleSnapshot()).isEqualTo(http(source).peopleSnapshot());
    }

    private static byte[] download(ConfigurableApplicationContext app) {
        String authorization = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (Http.ADMIN_EMAIL + ":" + Http.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                + ((ServletWebServerApplicationContext) app).getWebServer().getPort() + "/api/v1/admin/backup"))
                .header("Authorization", authorization).GET().build();
        try {
            java.net.http.HttpResponse<byte[]> answer = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).isEqualTo(200);
            return answer.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The archive with one entry changed and the manifest's counts made to agree, as a careful forger would. */
    private static byte[] edit(byte[] archive, String entry, UnaryOperator<String> change) throws IOException {
        Map<String, String> entries = entries(archive);
        entries.put(entry, change.apply(entries.get(entry)));
        return zip(entries);
    }

    private static byte[] add(byte[] archive, String entry, String content) throws IOException {
        Map<String, String> entries = entries(archive);
        entries.put(entry, content);
        return zip(entries);
    }

    private static Map<String, String> entries(byte[] archive) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ObjectNode manifest = (ObjectNode) JSON.readTree(entries.remove("manifest.json"));
        ObjectNode counts = manifest.putObject("collections");
        entries.forEach((name, content) -> counts.put(name.replace(".jsonl", ""),
                content.lines().filter(line -> !line.isBlank()).count()));
        entries.put("manifest.json", JSON.writeValueAsString(manifest));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Http.Answer upload(Http http, byte[] archive) {
        String boundary = "----backup" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"archive\"; "
                + "filename=\"backup.zip\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(archive);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.post("/api/v1/admin/restore", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MentoringApplication.class).run("--server.port=0",
                "--mentoring.embedded-in-memory=true", "--mentoring.demo-data=false",
                "--" + Http.ADMIN_EMAIL_PROPERTY, "--" + Http.ADMIN_PASSWORD_PROPERTY);
    }

    private static Http http(ConfigurableApplicationContext app) {
        return new Http(((ServletWebServerApplicationContext) app).getWebServer().getPort()).asAdmin();
    }
}
