package org.mentoring.api.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mentoring.api.importing.ImportReportResponse;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.ForbiddenException;
import org.mentoring.common.NotFoundException;
import org.mentoring.people.importing.ImportRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error of the API into an RFC 9457 problem detail ({@code application/problem+json}) with a
 * {@code type} per error, a {@code title}, a {@code detail} in words and, when fields are wrong, {@code errors}
 * listing each one ({@code field}, {@code message}): malformed bodies and wrong parameters (of a wrong type or
 * out of range) and bodies beyond the JSON parser's limits (nesting depth, number or text length) are 400, invalid input 422 (an import's 422 also carries its {@code report}), unknown records 404, conflicts 409 (with the core's
 * {@code code}), unsupported media types 415, bodies over the limit 413, wrong methods 405. An unknown property of a
 * {@link StrictBody} is invalid input (422) naming it and the known names; a fraction in a whole number is a 400.
 */
@RestControllerAdvice
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail importRejected(ImportRejectedException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.IMPORT_REJECTED,
                "Import rejected", e.getMessage());
        List<FieldProblem> errors = fieldProblems(e.errors());
        if (errors.size() > ImportReportResponse.MAX_LISTED) {
            problem.setProperty("errors", errors.subList(0, ImportReportResponse.MAX_LISTED));
            problem.setProperty("errorsOmitted", errors.size() - ImportReportResponse.MAX_LISTED);
        } else {
            problem.setProperty("errors", errors);
        }
        problem.setProperty("report", ImportReportResponse.of(e.report()));
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        List<String> messages = e.errors().stream().map(InvalidInputException.FieldError::message).toList();
        // one field's problem is often the whole message: said once, not "message: message"
        String detail = messages.equals(List.of(e.getMessage())) ? e.getMessage()
                : e.getMessage() + ": " + String.join("; ", messages);
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.INVALID_INPUT, "Invalid input",
                detail);
        problem.setProperty("errors", fieldProblems(e.errors()));
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage());
        problem.setProperty("kind", e.kind());
        problem.setProperty("id", e.id());
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemTypes.of(e.code()), "Conflict", e.getMessage());
        problem.setProperty("code", e.code());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        }
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail staleVersion(OptimisticLockingFailureException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemTypes.STALE_VERSION, "Conflict",
                "Someone changed this record since you read it. Read it again and reapply your change.");
        problem.setProperty("code", "stale-version");
        return problem;
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicateKey(DuplicateKeyException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemTypes.DUPLICATE_KEY, "Conflict",
                "Another record already has this externalId or email.");
        problem.setProperty("code", "duplicate-key");
        return problem;
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ProblemDetail forbidden(RuntimeException e) {
        if (e instanceof org.mentoring.common.ForbiddenFieldsException fields) {
            // the caller's own record: naming the fields they may not set shows nobody else's data
            ProblemDetail problem = problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Not allowed",
                    fields.getMessage());
            problem.setProperty("errors", fieldProblems(fields.errors()));
            return problem;
        }
        return problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Not allowed",
                "Your account may not do this or see this");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "Internal error",
                "Something went wrong on the server; the error is logged. Nothing in your request could be "
                + "identified as the cause.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = cause(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return response(problem(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.BODY_TOO_LARGE,
                    "Request body too large", tooLarge.getMessage() + ". Split the import into smaller files."));
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY, "Malformed body",
                "The request body could not be read.");
        JsonProcessingException json = cause(e, JsonProcessingException.class);
        JsonParseException parse = cause(e, JsonParseException.class);
        StreamConstraintsException limit = cause(e, StreamConstraintsException.class);
        UnrecognizedPropertyException unknown = cause(e, UnrecognizedPropertyException.class);
        if (unknown != null && limit == null && parse == null) {
            return response(unknownProperty(unknown));
        }
        if (limit != null) {
            problem.setDetail("The body exceeds a limit of this server: " + withoutSource(limit.getOriginalMessage())
                    .replaceAll(" \\(from `[^`]*`\\)", "") + ".");
        } else if (parse != null) {
            problem.setDetail("The body is not valid JSON at line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr() + ": "
                    + withoutSource(parse.getOriginalMessage()));
        } else if (json instanceof JsonMappingException mapping) {
            String path = path(mapping);
            String message = mappingMessage(mapping, path);
            problem.setDetail("The body does not fit the expected form: " + message);
            if (!path.isEmpty()) {
                problem.setProperty("errors", List.of(new FieldProblem(path, message)));
            }
        } else if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            problem.setDetail("The request has no body.");
        }
        return response(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getField() + " " + error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return response(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = parameterName(result.getMethodParameter());
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(new FieldProblem(name, name + " " + error.getDefaultMessage()));
            }
        });
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_PARAMETER, "Invalid parameter",
                String.join("; ", errors.stream().map(FieldProblem::message).toList()));
        problem.setProperty("errors", errors);
        return response(problem);
    }

    /** What a parameter of this type must be, in words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        return "a valid " + type.getSimpleName();
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String expected = expected(type);
        String message = name + " '" + e.getValue() + "' is not " + expected;
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_PARAMETER,
                "Invalid parameter", message);
        problem.setProperty("errors", List.of(new FieldProblem(name, message)));
        return response(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String message = "parameter " + e.getParameterName() + " is required";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_PARAMETER,
                "Missing parameter", message);
        problem.setProperty("errors", List.of(new FieldProblem(e.getParameterName(), message)));
        return response(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String message = "part " + e.getRequestPartName() + " is required";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_PARAMETER, "Missing part",
                message);
        problem.setProperty("errors", List.of(new FieldProblem(e.getRequestPartName(), message)));
        return response(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String limit = e.getMaxUploadSize() > 0 ? " of " + e.getMaxUploadSize() + " bytes" : "";
        return response(problem(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.BODY_TOO_LARGE,
                "Request body too large", "The upload is larger than the limit" + limit
                + ". Split the import into smaller files."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type", "Content-Type " + (e.getContentType() == null ? "(none)"
                        : "'" + e.getContentType() + "'") + " is not accepted here; send one of "
                        + e.getSupportedMediaTypes());
        HttpHeaders accept = new HttpHeaders();
        accept.setAccept(e.getSupportedMediaTypes());
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(accept).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return response(problem(HttpStatus.NOT_ACCEPTABLE, ProblemTypes.NOT_ACCEPTABLE, "Not acceptable",
                "This resource answers only " + e.getSupportedMediaTypes()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.METHOD_NOT_ALLOWED,
                "Method not allowed", e.getMethod() + " is not allowed here; use one of "
                        + e.getSupportedHttpMethods());
        HttpHeaders allow = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            allow.setAllow(e.getSupportedHttpMethods());
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(allow).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return response(problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                "Nothing at " + e.getResourcePath()));
    }

    /** Spring MVC errors not handled above keep Spring's detail and get a type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && URI.create("about:blank").equals(problem.getType())) {
            problem.setType(ProblemTypes.REQUEST_ERROR);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.INVALID_INPUT, "Invalid input",
                errors.size() == 1 ? errors.get(0).message()
                        : errors.size() + " fields are invalid: " + String.join("; ",
                                errors.stream().map(FieldProblem::message).toList()));
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<Object> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static List<FieldProblem> fieldProblems(List<InvalidInputException.FieldError> errors) {
        return errors.stream().map(error -> new FieldProblem(error.field(), error.message())).toList();
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return parameter.getParameterName();
    }

    /** The JSON path of a mapping error, for example {@code mentors[0].capacity}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    /** A property a {@link StrictBody} does not know: 422 naming it and the known ones. */
    private static ProblemDetail unknownProperty(UnrecognizedPropertyException e) {
        String path = path(e);
        if (!path.equals(e.getPropertyName()) && !path.endsWith("." + e.getPropertyName())) {
            path = path.isEmpty() ? e.getPropertyName() : path + "." + e.getPropertyName();
        }
        List<String> known = e.getKnownPropertyIds() == null ? List.of()
                : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        String shown = path.length() > 100 ? path.substring(0, 100) + "…" : path;
        return invalid(List.of(new FieldProblem(shown, shown + " is not a name this API knows here; the known "
                + "names are " + String.join(", ", known))));
    }

    private static String mappingMessage(JsonMappingException e, String path) {
        String where = path.isEmpty() ? "the body" : path;
        if (e instanceof InvalidFormatException format) {
            return where + " '" + format.getValue() + "' is not " + describe(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return where + " is not " + describe(mismatch.getTargetType());
        }
        return where + ": " + withoutSource(e.getOriginalMessage());
    }

    /** Jackson's message without its "[Source: REDACTED ...; " note, keeping the line and column. */
    private static String withoutSource(String message) {
        return message == null ? "" : message.replaceAll("\\[Source: [^;]*; ", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of the expected type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "an object of the expected form";
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
