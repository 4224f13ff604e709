package org.mentoring.api.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.mentoring.api.security.Viewer;
import org.mentoring.mentorship.IntroductionSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Settings", description = "The programme's own texts.")
class IntroductionSettingsController {

    private final IntroductionSettings settings;

    IntroductionSettingsController(IntroductionSettings settings) {
        this.settings = settings;
    }

    @Schema(description = "The introduction every new pair gets.")
    record IntroductionSettingsBody(
            @Schema(description = "The first steps the programme suggests to a new pair: plain text, up to 4000"
                    + " characters, line breaks kept.") String firstSteps) {
    }

    @GetMapping("/api/v1/settings/introduction")
    @Operation(summary = "The introduction's first steps",
            description = "The text of first steps sent to both people of every new mentorship with their"
                    + " introduction and shown on their pages; a default until a coordinator changes it. For anyone"
                    + " signed in.")
    IntroductionSettingsBody get() {
        return new IntroductionSettingsBody(settings.firstSteps());
    }

    @PutMapping("/api/v1/settings/introduction")
    @Operation(summary = "Change the introduction's first steps (ADMIN)",
            description = "Replaces the text for introductions sent from now on (and the pages, at once). Audited"
                    + " (action settings.introduction).")
    @ApiResponse(responseCode = "200", description = "The text as stored (trimmed).")
    @ApiResponse(responseCode = "403", description = "Not an admin.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "firstSteps missing, empty, longer than 4000 characters or with"
            + " characters that cannot be shown.", content = @Content(mediaType = "application/problem+json"))
    IntroductionSettingsBody put(@RequestBody IntroductionSettingsBody body, HttpServletRequest http) {
        Viewer viewer = Viewer.current();
        viewer.requireAdmin();
        return new IntroductionSettingsBody(settings.changeFirstSteps(body.firstSteps(), viewer.email(),
                http.getRemoteAddr()));
    }
}
