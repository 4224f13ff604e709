package org.mentoring.api.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.mentoring.accounts.Role;
import org.mentoring.api.security.Viewer;
import org.mentoring.common.ForbiddenException;
import org.mentoring.common.ForbiddenFieldsException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.people.RequestFilter;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.input.ParticipantEdits;
import org.mentoring.people.input.RequestInput;
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
            + "request, a RESEARCHER only their own (one per cycle they asked in), a MENTOR none (403).")
    PageResponse<MentorshipRequestResponse> list(
            @Parameter(description = "Taxonomy code: requests asking for this domain or one inside it",
                    example = "planetary-health/climate-health")
            @RequestParam(required = false) String domain,
            @Parameter(description = "OPEN (what a run places), PROPOSED, MATCHED or WITHDRAWN")
            @RequestParam(required = false) RequestStatus status,
            @Parameter(description = "ISO 3166-1 alpha-2 country code of where the researcher is", example = "CA")
            @RequestParam(required = false) String country,
            @Parameter(description = "The code of a cycle: only its requests", example = "2027-spring")
            @RequestParam(required = false) String cycle,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0")
            @Min(value = 0, message = "must be 0 or more") int page,
            @Parameter(description = "Page size, 1 to 500") @RequestParam(defaultValue = "20")
            @Min(value = 1, message = "must be 1 or more") @Max(value = 500, message = "must be 500 or less")
            int size) {
        Viewer viewer = Viewer.current();
        RequestFilter filter = new RequestFilter(domain, status, country).inCycle(cycle);
        if (!viewer.isAdmin()) {
            if (viewer.role() != Role.RESEARCHER) {
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
            + "must be their account's and priority false or absent: only an ADMIN flags equity priority, 403 "
            + "naming the field otherwise), an ADMIN anyone's. The request starts OPEN. Every field "
            + "is checked as in an import: a known IANA time zone, ISO 639-1 languages, taxonomy codes, slots "
            + "ending after they start, a minimum overlap within a week, preferred and excluded mentors that "
            + "exist, a format of ONE_TO_ONE (absent: the default), CIRCLE or EITHER (422 naming format otherwise).")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new request")
    @ApiResponse(responseCode = "403", description = "Not an admin, nor a researcher creating their own request; "
            + "or a researcher setting email or priority (each named in errors)")
    @ApiResponse(responseCode = "409", description = "The externalId is taken, or duplicate-email: this researcher "
            + "already has a request in that cycle (one per cycle; ask again in a later cycle)")
    @ApiResponse(responseCode = "422", description = "Invalid fields, each named in errors")
    ResponseEntity<MentorshipRequestResponse> create(@Valid @RequestBody CreateMentorshipRequestRequest body) {
        Viewer viewer = Viewer.current();
        if (!viewer.isAdmin()) {
            if (viewer.role() != Role.RESEARCHER) {
                throw new ForbiddenException("Only researchers and admins create requests");
            }
            refuseFields(ParticipantEdits.request(viewer.email(), null, body.email(), body.priority()));
        }
        // a researcher asks only in the cycle open for requests today
        RequestInput input = mapper.toInput(body);
        StoredRequest created = viewer.isAdmin() ? requests.create(input) : requests.create(input, true);
        return withVersion(ResponseEntity.created(URI.create("/api/v1/requests/" + created.request().externalId())),
                created);
    }

    @PutMapping(path = "/{externalId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a mentorship request", description = "Keeps its status. Names the version "
            + "last read, in If-Match or the version field; if the request changed since, nothing is written and "
            + "the answer is 409 stale-version. A RESEARCHER changes only their own request while it is OPEN or "
            + "WITHDRAWN (409 request-in-progress when PROPOSED or MATCHED: decline the offer or end the mentorship "
            + "first), and sends its email and priority as read (or leaves priority out): any other value is 403 "
            + "naming the field. A format left out keeps the stored one.")
    @ApiResponse(responseCode = "200", description = "Updated, with the new version")
    @ApiResponse(responseCode = "403", description = "Not an admin nor the owner; or a researcher changing email "
            + "or priority (each named in errors)")
    @ApiResponse(responseCode = "404", description = "No request with this externalId")
    @ApiResponse(responseCode = "409", description = "Stale version, the email is taken, or (for a researcher) the "
            + "request has an offer waiting or an active mentorship")
    @ApiResponse(responseCode = "422", description = "Invalid fields, or no version named")
    ResponseEntity<MentorshipRequestResponse> update(@PathVariable String externalId,
            @Parameter(description = "The ETag last read, for example \"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody UpdateMentorshipRequestRequest body) {
        Viewer viewer = Viewer.current();
        RequestInput input = mapper.toInput(externalId, body);
        if (!viewer.isAdmin()) {
            StoredRequest stored = readable(externalId);
            refuseFields(ParticipantEdits.request(viewer.email(), stored.request(), body.email(), body.priority()));
            ParticipantEdits.requireEditableByResearcher(stored, "change");
            input = keepPriority(input, stored.request().priority());
        }
        long version = Versions.required(ifMatch, body.version());
        return withVersion(ResponseEntity.ok(), viewer.isAdmin() ? requests.update(externalId, input, version)
                : requests.update(externalId, input, version, true));
    }

    @DeleteMapping("/{externalId}")
    @Operation(summary = "Delete a mentorship request", description = "With If-Match, only if the request is "
            + "still at that version. A RESEARCHER deletes only their own request. Nobody, an ADMIN included, deletes a "
            + "request while it is PROPOSED or MATCHED (409 request-in-progress: decline the offer or end the "
            + "mentorship first), so no mentor's place stays held by a request that is gone.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "Not an admin nor the owner")
    @ApiResponse(responseCode = "404", description = "No request with this externalId")
    @ApiResponse(responseCode = "409", description = "Stale version, or the request has an offer waiting or an "
            + "active mentorship")
    ResponseEntity<Void> delete(@PathVariable String externalId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long version = Versions.optional(ifMatch);
        if (!Viewer.current().isAdmin()) {
            StoredRequest stored = readable(externalId);
            ParticipantEdits.requireEditableByResearcher(stored, "delete");
            // deleted only at the version checked, so an offer published meanwhile is not left without its request
            version = version == null ? stored.version() : version;
        }
        requests.delete(externalId, version);
        return ResponseEntity.noContent().build();
    }

    private static void refuseFields(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ForbiddenFieldsException(errors);
        }
    }

    /** The input with the stored priority, which only an admin changes (a researcher may leave it out). */
    private static RequestInput keepPriority(RequestInput input, boolean priority) {
        return new RequestInput(input.externalId(), input.name(), input.email(), input.institution(),
                input.country(), input.timeZone(), input.careerStage(), input.languages(), input.domains(),
                input.goals(), input.startDate(), input.durationMonths(), input.minOverlapMinutes(),
                input.weeklyAvailability(), input.preferredMentorIds(), input.excludedMentorIds(),
                Boolean.toString(priority), input.cycle(), input.format());
    }

    private ResponseEntity<MentorshipRequestResponse> withVersion(ResponseEntity.BodyBuilder builder,
            StoredRequest stored) {
        return builder.eTag(Long.toString(stored.version())).body(mapper.toResponse(stored));
    }
}
