package org.mentoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The coordinator's backup page: it downloads the archive, restores one into an empty instance, refuses a broken
 * archive and any restore into an instance that holds data, each in words, and is for admins only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentoring.embedded-in-memory=true", "mentoring.demo-data=false", Http.ADMIN_EMAIL_PROPERTY,
            Http.ADMIN_PASSWORD_PROPERTY, "spring.application.name=backup-page"})
@AutoConfigureMockMvc
class BackupPageTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void aBackupIsDownloadedAndRestoredFromThePageAndARestoreIntoDataIsRefused() throws Exception {
        mvc.perform(get("/admin/backup").with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("href=\"/api/v1/admin/backup\"")))
                .andExpect(content().string(containsString("id=\"restore-form\"")));
        MvcResult download = mvc.perform(get("/api/v1/admin/backup").with(user(PageUsers.COORDINATOR))).andReturn();
        byte[] archive = mvc.perform(asyncDispatch(download)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();

        mvc.perform(multipart("/admin/backup/restore")
                        .file(new MockMultipartFile("archive", "notes.zip", "application/zip", "not a zip".getBytes()))
                        .with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(content().string(containsString("id=\"restore-error\"")))
                .andExpect(content().string(containsString(
                        "archive: the archive has no manifest.json; it is not a backup of this application")));

        mvc.perform(multipart("/admin/backup/restore")
                        .file(new MockMultipartFile("archive", "backup.zip", "application/zip", archive))
                        .with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(content().string(containsString("id=\"restore-done\"")))
                .andExpect(content().string(not(containsString("id=\"restore-error\""))));

        Http admin = new Http(port).asAdmin();
        assertThat(admin.postJson("/api/v1/import", Samples.PAIR).status()).isEqualTo(200);
        mvc.perform(get("/admin/backup").with(user(PageUsers.COORDINATOR)))
                .andExpect(content().string(containsString("id=\"restore-refused\"")))
                .andExpect(content().string(not(containsString("id=\"restore-form\""))));
        mvc.perform(multipart("/admin/backup/restore")
                        .file(new MockMultipartFile("archive", "backup.zip", "application/zip", archive))
                        .with(user(PageUsers.COORDINATOR)).with(csrf()))
                .andExpect(content().string(containsString("The store already holds data")));
        assertThat(admin.get("/api/v1/requests/r-1").status()).as("nothing was overwritten").isEqualTo(200);

        mvc.perform(get("/admin/backup").with(user(PageUsers.person("uno@uni.example.org", "RESEARCHER", null))))
                .andExpect(status().isForbidden());
    }
}
