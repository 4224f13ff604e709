package org.mentoring.api.exports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mentoring.lifecycle.MailMerge;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorFilter;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.importing.PeopleCsvExport;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Exports", description = "Files for spreadsheet work and mail merges (ADMIN).")
class ExportController {

    private static final String TEXT_CSV = "text/csv";
    private static final int PAGE = 1000;

    private final MentorService mentors;
    private final RequestService requests;
    private final MailMerge mailMerge;

    ExportController(MentorService mentors, RequestService requests, MailMerge mailMerge) {
        this.mentors = mentors;
        this.requests = requests;
        this.mailMerge = mailMerge;
    }

    @GetMapping(path = "/api/v1/admin/exports/mentors.csv", produces = TEXT_CSV)
    @Operation(summary = "Every mentor as a mentors file (ADMIN)", description = "The columns of the import "
            + "(GET /api/v1/import/templates/mentors.csv), so the file, edited in a spreadsheet, imports back; "
            + "UTF-8 with a byte order mark.")
    @ApiResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")))
    ResponseEntity<String> mentors() throws IOException {
        List<Mentor> all = new ArrayList<>();
        Page<StoredMentor> page;
        int number = 0;
        do {
            page = mentors.find(MentorFilter.ALL, PageRequest.of(number++, PAGE, Sort.by("externalId")));
            page.forEach(stored -> all.add(stored.mentor()));
        } while (page.hasNext());
        StringBuilder csv = new StringBuilder();
        PeopleCsvExport.mentors(all, csv);
        return file("mentors.csv", csv);
    }

    @GetMapping(path = "/api/v1/admin/exports/requests.csv", produces = TEXT_CSV)
    @Operation(summary = "Every request as a requests file (ADMIN)", description = "The columns of the import "
            + "(GET /api/v1/import/templates/requests.csv), so the file, edited in a spreadsheet, imports back; "
            + "UTF-8 with a byte order mark.")
    @ApiResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")))
    ResponseEntity<String> requests() throws IOException {
        List<MentorshipRequest> all = new ArrayList<>();
        Page<StoredRequest> page;
        int number = 0;
        do {
            page = requests.find(RequestFilter.ALL, PageRequest.of(number++, PAGE, Sort.by("externalId")));
            page.forEach(stored -> all.add(stored.request()));
        } while (page.hasNext());
        StringBuilder csv = new StringBuilder();
        PeopleCsvExport.requests(all, csv);
        return file("requests.csv", csv);
    }

    @GetMapping(path = "/api/v1/matching-runs/{id}/mail-merge.csv", produces = TEXT_CSV)
    @Operation(summary = "A run's pairs with both people's names and emails, for a mail merge (ADMIN)",
            description = "One row per proposal (outcome PROPOSED, with its offer's status and deadline once "
                    + "published), then one per unmatched request (outcome UNMATCHED, the reasons in 'why'). "
                    + "UTF-8 with a byte order mark; cells a spreadsheet would read as formulas start with a "
                    + "single quote.")
    @ApiResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such run.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The run is still queued or solving, or it failed.",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<String> mailMerge(@PathVariable String id) throws IOException {
        StringBuilder csv = new StringBuilder();
        mailMerge.write(id, csv);
        return file("mail-merge-" + id.replaceAll("[^A-Za-z0-9-]", "") + ".csv", csv);
    }

    private static ResponseEntity<String> file(String name, StringBuilder csv) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(csv.toString());
    }
}
