package org.mentoring.api.importing;

import org.mentoring.api.security.Viewer;
import org.mentoring.people.importing.ImportJournal;
import org.mentoring.people.importing.ImportRecord;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mentoring.api.people.PeopleApiMapper;
import org.mentoring.common.InvalidInputException;
import org.mentoring.people.importing.CsvPeopleReader;
import org.mentoring.people.importing.ImportTemplates;
import org.mentoring.people.importing.SpreadsheetFiles;
import org.mentoring.people.importing.ImportBatch;
import org.mentoring.people.importing.PeopleImporter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping(path = "/api/v1/import", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Import", description = """
        Imports mentors and mentorship requests, upserting each by externalId. All or nothing: every record is \
        checked first (required fields, IANA time zone, ISO 639-1 languages, taxonomy codes, slots ending after \
        they start, capacity of 0 or more, dates yyyy-MM-dd, minOverlapMinutes 0 to 10080, no externalId or email \
        twice, preferred and excluded mentors that exist in the import or the store); if any record is rejected \
        nothing is written and the answer is 422 with the report. dryRun=true checks and reports without writing.

        CSV: a header row naming the columns (the JSON field names, any order, any case), one record a row, \
        UTF-8 unless the Content-Type names another charset. List fields are separated by ';' and weekly \
        availability is written like 'TUE 14:00-16:00;THU 09:00-10:30'. Mentor columns: externalId, name, \
        email, institution, country, timeZone, languages, domains, topics, capacity, availableFrom, \
        availableUntil, weeklyAvailability (institution, topics, availableUntil may be left out). Request \
        columns: externalId, name, email, institution, country, timeZone, careerStage, languages, domains, goals, \
        startDate, durationMonths, minOverlapMinutes, weeklyAvailability, preferredMentorIds, excludedMentorIds, \
        priority (institution, goals, minOverlapMinutes, preferredMentorIds, excludedMentorIds, priority may be \
        left out). Send both files in one multipart request (parts 'mentors' and 'requests') so that requests \
        may name mentors of the same import, or one file as a text/csv body.

        Bodies and uploads are limited to 20 MB (413 above).""")
class ImportController {

    private static final String TEXT_CSV = "text/csv";

    private final PeopleImporter importer;
    private final PeopleApiMapper mapper;

    private final ImportJournal journal;

    ImportController(PeopleImporter importer, PeopleApiMapper mapper, ImportJournal journal) {
        this.journal = journal;
        this.importer = importer;
        this.mapper = mapper;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import mentors and requests from JSON",
            description = "Upserts by externalId, all or nothing; the report counts created, updated and "
                    + "rejected records.")
    @ApiResponse(responseCode = "200", description = "Imported (or, on a dry run, checked)")
    @ApiResponse(responseCode = "400", description = "The body is not JSON of this form; detail says where",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "Records rejected, nothing written; errors lists each wrong "
            + "field and report the whole report", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ImportReportResponse importJson(@RequestBody ImportRequest body,
            @Parameter(description = "Only check and report; write nothing")
            @RequestParam(defaultValue = "false") boolean dryRun) {
        ImportBatch batch = ImportBatch.ofJson(
                body.mentors() == null ? null : body.mentors().stream()
                        .map(mentor -> mentor == null ? null : mapper.toInput(mentor)).toList(),
                body.requests() == null ? null : body.requests().stream()
                        .map(request -> request == null ? null : mapper.toInput(request)).toList());
        return ImportReportResponse.of(importer.importPeople(batch, dryRun, Viewer.actorName(), "JSON"));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import mentors and requests from CSV files or Excel workbooks",
            description = "A multipart upload with a part 'mentors' (mentors.csv or mentors.xlsx), a part 'requests' "
                    + "(requests.csv or requests.xlsx), or both; imported together, all or nothing unless validOnly. "
                    + "CSV values are separated by commas, or by semicolons (lists then by |) or tabs, as the header "
                    + "row is; a workbook's first sheet has the same columns (GET /api/v1/import/templates/{name}). "
                    + "Rejections name the file and line (a workbook's row).")
    @ApiResponse(responseCode = "200", description = "Imported (or, on a dry run, checked)")
    @ApiResponse(responseCode = "413", description = "An upload over 20 MB")
    @ApiResponse(responseCode = "422", description = "Records rejected, nothing written")
    ImportReportResponse importFiles(
            @Parameter(description = "CSV of mentors") @RequestPart(name = "mentors", required = false)
            MultipartFile mentors,
            @Parameter(description = "CSV of mentorship requests") @RequestPart(name = "requests", required = false)
            MultipartFile requests,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "Import the records that pass every check and leave out the rejected ones "
                    + "(and requests naming a rejected mentor); the report lists what was left out")
            @RequestParam(defaultValue = "false") boolean validOnly) throws IOException {
        if ((mentors == null || mentors.isEmpty()) && (requests == null || requests.isEmpty())) {
            throw new InvalidInputException("mentors", "send a CSV file in a part named 'mentors', 'requests' or "
                    + "both");
        }
        ImportBatch batch = ImportBatch.EMPTY;
        if (mentors != null && !mentors.isEmpty()) {
            String name = fileName(mentors, "mentors.csv");
            batch = batch.plus(SpreadsheetFiles.isWorkbook(name, mentors.getBytes())
                    ? SpreadsheetFiles.mentors(mentors.getBytes(), name)
                    : CsvPeopleReader.mentors(mentors.getBytes(), charset(mentors.getContentType()), name));
        }
        if (requests != null && !requests.isEmpty()) {
            String name = fileName(requests, "requests.csv");
            batch = batch.plus(SpreadsheetFiles.isWorkbook(name, requests.getBytes())
                    ? SpreadsheetFiles.requests(requests.getBytes(), name)
                    : CsvPeopleReader.requests(requests.getBytes(), charset(requests.getContentType()), name));
        }
        return ImportReportResponse.of(validOnly
                ? importer.importValid(batch, dryRun, Viewer.actorName(), "file upload")
                : importer.importPeople(batch, dryRun, Viewer.actorName(), "file upload"));
    }

    @PostMapping(path = "/mentors.csv", consumes = TEXT_CSV)
    @Operation(summary = "Import mentors from a CSV body", description = "The body is mentors.csv; rejections name "
            + "its lines.")
    @ApiResponse(responseCode = "200", description = "Imported (or, on a dry run, checked)")
    @ApiResponse(responseCode = "422", description = "Records rejected, nothing written")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The CSV file, UTF-8 "
            + "unless the Content-Type names another charset", content = @Content(mediaType = TEXT_CSV,
                    schema = @Schema(type = "string")))
    ImportReportResponse importMentorsCsv(@Parameter(hidden = true) HttpEntity<byte[]> body,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return ImportReportResponse.of(importer.importPeople(
                CsvPeopleReader.mentors(bytes(body), charset(body), "mentors.csv"), dryRun, Viewer.actorName(),
                "mentors.csv"));
    }

    @PostMapping(path = "/requests.csv", consumes = TEXT_CSV)
    @Operation(summary = "Import mentorship requests from a CSV body", description = "The body is requests.csv; "
            + "preferred and excluded mentors must already be stored.")
    @ApiResponse(responseCode = "200", description = "Imported (or, on a dry run, checked)")
    @ApiResponse(responseCode = "422", description = "Records rejected, nothing written")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The CSV file, UTF-8 "
            + "unless the Content-Type names another charset", content = @Content(mediaType = TEXT_CSV,
                    schema = @Schema(type = "string")))
    ImportReportResponse importRequestsCsv(@Parameter(hidden = true) HttpEntity<byte[]> body,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return ImportReportResponse.of(importer.importPeople(
                CsvPeopleReader.requests(bytes(body), charset(body), "requests.csv"), dryRun, Viewer.actorName(),
                "requests.csv"));
    }

    @GetMapping(path = "/templates/{name}", produces = {TEXT_CSV, SpreadsheetFiles.XLSX})
    @Operation(summary = "A file to fill in (ADMIN)", description = "mentors.csv, requests.csv, mentors.xlsx or "
            + "requests.xlsx: the header row with every column and one example row. The CSV is UTF-8 with a byte "
            + "order mark; lists are separated by ; and availability is written TUE 14:00-16:00;THU 09:00-10:30.")
    @ApiResponse(responseCode = "200", description = "The template", content = {
        @Content(mediaType = TEXT_CSV), @Content(mediaType = SpreadsheetFiles.XLSX)})
    @ApiResponse(responseCode = "404", description = "No template has that name",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<byte[]> template(@PathVariable String name) {
        byte[] file = ImportTemplates.file(name);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ImportTemplates.contentType(name)))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(file);
    }

    @GetMapping("/history")
    @Operation(summary = "The latest imports that wrote records, newest first (ADMIN)",
            description = "Each with who sent it, what it held, and its status: WRITING, COMPLETED, FAILED (an error "
                    + "stopped the writing; the reason says which) or INTERRUPTED (the application stopped while it "
                    + "was writing; every record is wholly stored or absent, and sending the same import again "
                    + "completes it). Rejected imports and dry runs write nothing and are only in the audit trail.")
    @ApiResponse(responseCode = "200", description = "Up to 'limit' imports")
    List<ImportRecord> history(@Parameter(description = "How many, 1 to 200")
            @RequestParam(defaultValue = "20") int limit) {
        return journal.recent(Math.min(Math.max(1, limit), 200));
    }

    private static byte[] bytes(HttpEntity<byte[]> body) {
        return body.getBody() == null ? new byte[0] : body.getBody();
    }

    private static Charset charset(HttpEntity<byte[]> body) {
        MediaType type = body.getHeaders().getContentType();
        return charset(type == null ? null : type.toString());
    }

    /** The charset the sender named, UTF-8 when none. */
    private static Charset charset(String contentType) {
        Charset charset = StandardCharsets.UTF_8;
        if (contentType != null) {
            try {
                Charset named = MediaType.parseMediaType(contentType).getCharset();
                if (named != null) {
                    charset = named;
                }
            } catch (RuntimeException e) {
                throw new InvalidInputException("Content-Type", "Content-Type '" + contentType
                        + "' names no charset this server knows");
            }
        }
        return charset;
    }

    private static String fileName(MultipartFile file, String fallback) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? fallback : name;
    }
}
