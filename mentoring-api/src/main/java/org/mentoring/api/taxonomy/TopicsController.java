package org.mentoring.api.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mentoring.api.security.Viewer;
import org.mentoring.audit.AuditService;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.taxonomy.ProgrammeTaxonomy;
import org.mentoring.taxonomy.Topic;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/topics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Taxonomy", description = "The research domains mentors and requests name: the programme's own")
class TopicsController {

    /** A goal or mentoring topic of the programme's list. */
    @Schema(description = "A goal or mentoring topic: a request's goals and a mentor's topics name its code")
    record TopicResponse(@Schema(example = "grant-writing") String code,
            @Schema(example = "Grant writing") String name) {
    }

    private final ProgrammeTaxonomy programme;
    private final AuditService audit;

    TopicsController(ProgrammeTaxonomy programme, AuditService audit) {
        this.programme = programme;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The programme's goals and mentoring topics", description = "One list for both: a "
            + "request's goals and a mentor's topics are codes from it (the shipped list until an admin replaces "
            + "it). An import or a form naming another code is refused.")
    List<TopicResponse> topics() {
        return programme.topics().all().stream().map(topic -> new TopicResponse(topic.code(), topic.name())).toList();
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace the goals and topics (ADMIN)", description = "Either the list alone, "
            + "[{\"code\": \"grant-writing\", \"name\": \"Grant writing\"}], or {\"topics\": [...], \"replacedBy\": "
            + "{\"old-code\": \"new-code\"}}. A code that mentors' topics or requests' goals use can only go with "
            + "replacedBy, which moves everyone's codes to the new one. Codes are 1 to 64 letters, digits, '-' or '_'."
            + " Audited.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = TopicResponse.class)),
                    examples = {
                        @ExampleObject(name = "list", value = "[{\"code\": \"grant-writing\", \"name\": "
                                + "\"Grant writing\"}]"),
                        @ExampleObject(name = "with replacements", value = "{\"topics\": [{\"code\": "
                                + "\"grant-writing\", \"name\": \"Grant writing\"}], \"replacedBy\": "
                                + "{\"publishing\": \"grant-writing\"}}")})))
    @ApiResponse(responseCode = "200", description = "The list now in force")
    @ApiResponse(responseCode = "422", description = "Nothing changed: a code twice, a blank code or name, a "
            + "replacedBy target not in the new list, or codes in use dropped without replacedBy; each named")
    @ApiResponse(responseCode = "409", description = "Someone else changed the list meanwhile")
    List<TopicResponse> replace(@RequestBody JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode list = body.isObject() ? body.path("topics") : body;
        List<Topic> topics = new ArrayList<>();
        if (!list.isArray()) {
            errors.add(new FieldError("topics", "topics must be a list of {\"code\", \"name\"}"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonNode topic = list.get(i);
                if (!topic.isObject()) {
                    errors.add(new FieldError("topics[" + i + "]", "topics[" + i + "] must be {\"code\", \"name\"}"));
                } else {
                    topics.add(new Topic(text(topic.get("code")), text(topic.get("name"))));
                }
            }
        }
        Map<String, String> replacedBy = new LinkedHashMap<>();
        JsonNode replacements = body.isObject() ? body.path("replacedBy") : null;
        if (replacements != null && !replacements.isMissingNode() && !replacements.isNull()) {
            if (!replacements.isObject()) {
                errors.add(new FieldError("replacedBy", "replacedBy must be {\"old-code\": \"new-code\"}"));
            } else {
                replacements.fields().forEachRemaining(pair -> replacedBy.put(pair.getKey(), text(pair.getValue())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the topics were not changed", errors);
        }
        ProgrammeTaxonomy.Change change = programme.replaceTopics(topics, replacedBy, Viewer.actorName());
        audit.record(Viewer.actorName(), "topics.replace", "topics", change.detail(), null);
        return topics();
    }

    private static String text(JsonNode value) {
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
