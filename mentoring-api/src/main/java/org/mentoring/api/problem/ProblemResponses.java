package org.mentoring.api.problem;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the error answers of every operation in one place instead of on each method: every 4xx and 5xx answer
 * is an RFC 9457 problem ({@code application/problem+json}, schema {@value #PROBLEM_SCHEMA}), whatever success type
 * springdoc guessed; an operation with parameters or a body can answer 400, one with a path id 404, one with a body
 * 422, one with an If-Match header 409. Who may call (401, 403) is added where the security rules are known.
 */
@Component
public class ProblemResponses implements OpenApiCustomizer {

    public static final String PROBLEM_SCHEMA = "ProblemDetail";
    public static final String PROBLEM_JSON = "application/problem+json";

    /** A response whose body is a problem detail. */
    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    /** Adds the response unless the operation already documents this status. */
    public static void addIfMissing(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        if (!operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, problem(description));
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        @SuppressWarnings("rawtypes")
        Map<String, Schema> schemas = ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31)
                .readAll(new AnnotatedType(ProblemDocument.class));
        schemas.forEach(openApi.getComponents()::addSchemas);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(ProblemResponses::document));
    }

    private static void document(Operation operation) {
        if (operation.getResponses() != null) {
            operation.getResponses().forEach((status, response) -> {
                if ((status.startsWith("4") || status.startsWith("5")) && response.get$ref() == null) {
                    response.setContent(problemContent());
                }
            });
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean pathId = parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()));
        boolean otherParameters = parameters.stream().anyMatch(parameter -> !"path".equals(parameter.getIn()));
        boolean ifMatch = parameters.stream().anyMatch(parameter -> "header".equals(parameter.getIn())
                && "If-Match".equalsIgnoreCase(parameter.getName()));
        boolean body = operation.getRequestBody() != null;
        if (body || otherParameters) {
            addIfMissing(operation, "400", "The body is not valid JSON or does not fit the expected form (a text "
                    + "where a number belongs, a fraction in a whole number), or a parameter is wrong; the problem "
                    + "says where.");
        }
        if (pathId) {
            addIfMissing(operation, "404", "Nothing has this id.");
        }
        if (ifMatch) {
            addIfMissing(operation, "409", "The record changed since it was read (stale-version): read it again "
                    + "and reapply the change.");
        }
        if (body) {
            addIfMissing(operation, "422", "Invalid input: the problem's errors name each wrong field, unknown "
                    + "names included.");
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
    }

    /** The shape of every error answer, as documented. */
    @io.swagger.v3.oas.annotations.media.Schema(name = PROBLEM_SCHEMA, description = "An RFC 9457 problem detail")
    record ProblemDocument(
            @io.swagger.v3.oas.annotations.media.Schema(description = "The kind of error, one URI per kind",
                    example = "https://mentoring.example.org/problems/invalid-input")
            URI type,
            @io.swagger.v3.oas.annotations.media.Schema(description = "A short summary of the kind",
                    example = "Invalid input")
            String title,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The HTTP status", example = "422")
            int status,
            @io.swagger.v3.oas.annotations.media.Schema(description = "What went wrong, in words")
            String detail,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The path that answered")
            URI instance,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Each wrong field, when fields are wrong")
            List<FieldProblem> errors,
            @io.swagger.v3.oas.annotations.media.Schema(description = "A conflict's code, for example stale-version")
            String code) {
    }
}
