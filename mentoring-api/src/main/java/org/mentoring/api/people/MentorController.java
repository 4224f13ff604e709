package org.mentoring.api.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ForbiddenException;
import org.mentoring.common.ForbiddenFieldsException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.people.MentorFilter;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.input.ParticipantEdits;
import org.mentoring.people.persistence.MentorService;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/mentors", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Mentors", description = "Mentors' profiles: expertise, capacity, weekly availability, languages")
class MentorController {

    private final MentorService mentors;
    private final PeopleApiMapper mapper;

    MentorController(MentorService mentors, PeopleApiMapper mapper) {
        this.mentors = mentors;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "List mentors (ADMIN)", description = "A page of full mentor profiles ordered by "
            + "externalId. Filters combine; an unknown domain code answers 422. Researchers and mentors use "
            + "/api/v1/mentors/directory instead.")
    PageResponse<MentorResponse> list(
            @Parameter(description = "Taxonomy code: mentors with this domain or one inside it",
                    example = "planetary-health/climate-health")
            @RequestParam(required = false) String domain,
            @Parameter(description = "ISO 3166-1 alpha-2 country code", example = "KE")
            @RequestParam(required = false) String country,
            @Parameter(description = "ISO 639-1 code of a language they speak", example = "sw")
            @RequestParam(required = false) String language,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0")
            @Min(value = 0, message = "must be 0 or more") int page,
            @Parameter(description = "Page size, 1 to 500") @RequestParam(defaultValue = "20")
            @Min(value = 1, message = "must be 1 or more") @Max(value = 500, message = "must be 500 or less")
            int size) {
        Viewer.current().requireAdmin();
        return PageResponse.of(mentors.find(new MentorFilter(domain, country, language), PageRequest.of(page, size)),
                mapper::toResponse);
    }

    /** What any signed-in member sees of a mentor: no email, no availability. */
    @Schema(description = "A mentor as any signed-in member sees them, to choose preferred or excluded mentors")
    record DirectoryEntry(String externalId, String name, String institution, String country, String timeZone,
            java.util.List<String> languages, java.util.List<String> domains, java.util.List<String> topics) {
    }

    @GetMapping("/directory")
    @Operation(summary = "The mentor directory (any signed-in member)", description = "Names, institutions, "
            + "countries, languages, domains and topics of mentors, without emails or availability, for "
            + "researchers choosing preferred or excluded mentors. Same filters and paging as the list.")
    PageResponse<DirectoryEntry> directory(@RequestParam(required = false) String domain,
            @RequestParam(required = false) String country, @RequestParam(required = false) String language,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(defaultValue = "100") @Min(value = 1, message = "must be 1 or more")
            @Max(value = 500, message = "must be 500 or less") int size) {
        return PageResponse.of(mentors.find(new MentorFilter(domain, country, language), PageRequest.of(page, size)),
                stored -> new DirectoryEntry(stored.mentor().externalId(), stored.mentor().name(),
                        stored.mentor().institution(), stored.mentor().country(), stored.mentor().timeZone().getId(),
                        stored.mentor().languages().stream().sorted().toList(), stored.mentor().domains(),
                        stored.mentor().topics().stream().sorted().toList()));
    }

    @GetMapping("/{externalId}")
    @Operation(summary = "Read a mentor", description = "The ETag header carries the version an update names. An "
            + "ADMIN reads any mentor, a MENTOR only their own profile (any other answers 403).")
    @ApiResponse(responseCode = "200", description = "The mentor")
    @ApiResponse(responseCode = "404", description = "No mentor with this externalId")
    ResponseEntity<MentorResponse> get(@PathVariable String externalId) {
        Viewer viewer = Viewer.current();
        viewer.require(viewer.isMentor(externalId));
        return withVersion(ResponseEntity.ok(), mentors.get(externalId));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a mentor", description = "Every field is checked as in an import: a known IANA "
            + "time zone, ISO 639-1 languages, taxonomy codes, slots ending after they start, a capacity of 0 or "
            + "more, circles from 0 to 3 (absent: 0; 422 naming circles otherwise).")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new mentor")
    @ApiResponse(responseCode = "409", description = "The externalId or email is taken")
    @ApiResponse(responseCode = "422", description = "Invalid fields, each named in errors")
    ResponseEntity<MentorResponse> create(@Valid @RequestBody CreateMentorRequest body) {
        Viewer.current().requireAdmin();
        StoredMentor created = mentors.create(mapper.toInput(body));
        return withVersion(ResponseEntity.created(URI.create("/api/v1/mentors/" + created.mentor().externalId())),
                created);
    }

    @PutMapping(path = "/{externalId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a mentor's profile", description = "Names the version last read, in If-Match or "
            + "the version field; if the mentor changed since, nothing is written and the answer is 409 "
            + "stale-version. A MENTOR updates only their own profile, sends its email as read (only an ADMIN "
            + "changes it) and sets a capacity up to 20 (or keeps or lowers a higher one an ADMIN set); any other "
            + "value is 403 naming the field. Circles left out keep the stored number; a mentor sets their own "
            + "from 0 to 3. Circles below the mentoring circles the mentor leads now (a seat waiting for an answer "
            + "or accepted) are refused, 422 naming circles and saying how many they lead.")
    @ApiResponse(responseCode = "200", description = "Updated, with the new version")
    @ApiResponse(responseCode = "403", description = "Not an admin nor this mentor; or the mentor changing email or "
            + "going over their capacity limit (each named in errors)")
    @ApiResponse(responseCode = "404", description = "No mentor with this externalId")
    @ApiResponse(responseCode = "409", description = "Stale version, or the email is taken")
    @ApiResponse(responseCode = "422", description = "Invalid fields, or no version named")
    ResponseEntity<MentorResponse> update(@PathVariable String externalId,
            @Parameter(description = "The ETag last read, for example \"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody UpdateMentorRequest body) {
        Viewer viewer = Viewer.current();
        viewer.require(viewer.isMentor(externalId));
        if (!viewer.isAdmin()) {
            List<FieldError> refused = ParticipantEdits.mentorProfile(mentors.get(externalId).mentor(), body.email(),
                    body.capacity());
            if (!refused.isEmpty()) {
                throw new ForbiddenFieldsException(refused);
            }
        }
        long version = Versions.required(ifMatch, body.version());
        return withVersion(ResponseEntity.ok(), mentors.update(externalId, mapper.toInput(externalId, body),
                version));
    }

    @DeleteMapping("/{externalId}")
    @Operation(summary = "Delete a mentor", description = "With If-Match, only if the mentor is still at that "
            + "version.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No mentor with this externalId")
    @ApiResponse(responseCode = "409", description = "Stale version")
    ResponseEntity<Void> delete(@PathVariable String externalId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Viewer.current().requireAdmin();
        mentors.delete(externalId, Versions.optional(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<MentorResponse> withVersion(ResponseEntity.BodyBuilder builder, StoredMentor stored) {
        return builder.eTag(Long.toString(stored.version())).body(mapper.toResponse(stored));
    }
}
