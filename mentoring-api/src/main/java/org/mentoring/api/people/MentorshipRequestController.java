package org.mentoring.api.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ForbiddenException;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.persistence.RequestService;
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
@RequestMapping(path = "/api/v1/requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Mentorship requests", description = "Researchers' requests for a mentor and where each one is")
class MentorshipRequestController {

    private final RequestService requests;
    private final PeopleApiMapper mapper;

    MentorshipRequestController(RequestService requests, PeopleApiMapper mapper) {
        this.requests = requests;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "List mentorship requests", description = "A page of requests ordered by externalId. "
            + "Filters combine; an unknown domain code answers 422, an unknown status 400. An ADMIN sees every "
            + "request, a RESEARCHER only their own, a MENTOR none (403).")
    PageResponse<MentorshipRequestResponse> list(
            @Parameter(description = "Taxonomy code: requests asking for this domain or one inside it",
                    example = "planetary-health/climate-health")
            @RequestParam(required = false) String domain,
            @Parameter(description = "OPEN (what a run places), PROPOSED, MATCHED or WITHDRAWN")
            @RequestParam(required = false) RequestStatus status,
            @Parameter(description = "ISO 3166-1 alpha-2 country code of where the researcher is", example = "CA")
            @RequestParam(required = false) String country,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0")
            @Min(value = 0, message = "must be 0 or more") int page,
            @Parameter(description = "Page size, 1 to 500") @RequestParam(defaultValue = "20")
            @Min(value = 1, message = "must be 1 or more") @Max(value = 500, message = "must be 500 or less")
            int size) {
        Viewer viewer = Viewer.current();
        RequestFilter filter = new RequestFilter(domain, status, country);
        if (!viewer.isAdmin()) {
            if (viewer.role() != org.mentoring.accounts.Role.RESEARCHER) {
                throw new ForbiddenException("Only researchers and admins list requests");
            }
            filter = filter.ownedBy(viewer.email());
        }
        return PageResponse.of(requests.find(filter, PageRequest.of(page, size)), mapper::toResponse);
    }

    @GetMapping("/{externalId}")
    @Operation(summary = "Read a mentorship request",
            description = "The ETag header carries the version an update names. An ADMIN reads any request, a "
                    + "RESEARCHER only their own: any other externalId answers 403, whether it exists or not.")
    @ApiResponse(responseCode = "200", description = "The request")
    @ApiResponse(responseCode = "404", description = "No request with this externalId")
    ResponseEntity<MentorshipRequestResponse> get(@PathVariable String externalId) {
        return withVersion(ResponseEntity.ok(), readable(externalId));
    }

    /** The request if the viewer may see it; 403 for a researcher asking for anything not theirs. */
    private StoredRequest readable(String externalId) {
        Viewer viewer = Viewer.current();
        if (viewer.isAdmin()) {
            return requests.get(externalId);
        }
        return requests.find(externalId)
                .filter(stored -> viewer.ownsRequest(stored.request().email()))
                .orElseThrow(() -> new ForbiddenException("Not your request"));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a mentorship request", description = "A RESEARCHER creates their own (the email "
            + "must be their account's), an ADMIN anyone's. The request starts OPEN. Every field "
            + "is checked as in an import: a known IANA time zone, ISO 639-1 languages, taxonomy codes, slots "
            + "ending after they start, a minimum overlap within a week, preferred and excluded mentors that "
            + "exist.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new request")
    @ApiResponse(responseCode = "409", description = "The externalId or email is taken")
    @ApiResponse(responseCode = "422", description = "Invalid fields, each named in errors")
    ResponseEntity<MentorshipRequestResponse> create(@Valid @RequestBody CreateMentorshipRequestRequest body) {
        Viewer viewer = Viewer.current();
        viewer.require(viewer.ownsRequest(body.email()));
        StoredRequest created = requests.create(mapper.toInput(body));
        return withVersion(ResponseEntity.created(URI.create("/api/v1/requests/" + created.request().externalId())),
                created);
    }

    @PutMapping(path = "/{externalId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a mentorship request", description = "Keeps its status. Names the version "
            + "last read, in If-Match or the version field; if the request changed since, nothing is written and "
            + "the answer is 409 stale-version.")
    @ApiResponse(responseCode = "200", description = "Updated, with the new version")
    @ApiResponse(responseCode = "404", description = "No request with this externalId")
    @ApiResponse(responseCode = "409", description = "Stale version, or the email is taken")
    @ApiResponse(responseCode = "422", description = "Invalid fields, or no version named")
    ResponseEntity<MentorshipRequestResponse> update(@PathVariable String externalId,
            @Parameter(description = "The ETag last read, for example \"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody UpdateMentorshipRequestRequest body) {
        Viewer viewer = Viewer.current();
        if (!viewer.isAdmin()) {
            readable(externalId);
            viewer.require(viewer.ownsRequest(body.email()));
        }
        long version = Versions.required(ifMatch, body.version());
        return withVersion(ResponseEntity.ok(), requests.update(externalId, mapper.toInput(externalId, body),
                version));
    }

    @DeleteMapping("/{externalId}")
    @Operation(summary = "Delete a mentorship request", description = "With If-Match, only if the request is "
            + "still at that version.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No request with this externalId")
    @ApiResponse(responseCode = "409", description = "Stale version")
    ResponseEntity<Void> delete(@PathVariable String externalId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        if (!Viewer.current().isAdmin()) {
            readable(externalId);
        }
        requests.delete(externalId, Versions.optional(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<MentorshipRequestResponse> withVersion(ResponseEntity.BodyBuilder builder,
            StoredRequest stored) {
        return builder.eTag(Long.toString(stored.version())).body(mapper.toResponse(stored));
    }
}
