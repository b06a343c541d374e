package io.guildhall.support.web;

import io.guildhall.support.messaging.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import jakarta.validation.ConstraintViolationException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error of every Spring service as RFC 9457 problem details: bad input names the field and is a
 * 4xx, never a 500; a backend away for a while (the database restarting, a timeout) is a 503 with
 * {@code Retry-After}; unexpected failures are a 500 that reveals nothing but a request id in the logs.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> invalidBody(WebExchangeBindException e) {
        List<Map<String, String>> errors = e.getFieldErrors().stream()
                .map(error -> Problems.fieldError(error.getField(),
                        error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()))
                .collect(Collectors.toList());
        e.getGlobalErrors().forEach(error -> errors.add(Problems.fieldError(error.getObjectName(),
                error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())));
        return respond(Problems.invalid(errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Problems.fieldError(
                        result.getMethodParameter().getParameterName() == null ? "parameter" : result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())))
                .collect(Collectors.toList());
        return respond(Problems.invalid(errors));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolations(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(violation -> {
                    String path = violation.getPropertyPath().toString();
                    return Problems.fieldError(path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path,
                            violation.getMessage());
                })
                .collect(Collectors.toList());
        return respond(Problems.invalid(errors));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException e) {
        return respond(Problems.invalid(e.problems().stream()
                .map(problem -> Problems.fieldError(problem.field(), problem.message())).toList()));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadableInput(ServerWebInputException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof DataBufferLimitException) {
                return tooLarge();
            }
            if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                String field = databind.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
                return respond(Problems.invalid(List.of(Problems.fieldError(field, "has a value of the wrong type or format"))));
            }
            if (cause instanceof JacksonException jackson) {
                return respond(Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                        "The request body is not valid JSON: " + jackson.getOriginalMessage()));
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        if (e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null
                && !(e.getCause() instanceof DecodingException)) {
            return respond(Problems.invalid(List.of(Problems.fieldError(e.getMethodParameter().getParameterName(),
                    e.getReason() == null ? "is invalid" : e.getReason()))));
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                e.getReason() == null ? "The request could not be read" : e.getReason()));
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(DataBufferLimitException e) {
        return tooLarge();
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(Problems.fieldError(e.field(), e.getMessage())));
        }
        return respond(problem);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", "A resource with these values exists already"));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> staleWrite(OptimisticLockingFailureException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "stale-version", "Modified concurrently",
                "Someone else changed this resource; fetch it again and retry"));
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailedException e) {
        return respond(Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Precondition failed", e.getMessage()));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> forbidden(RuntimeException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You may not do this"));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return respond(Problems.of(status, status.name().toLowerCase().replace('_', '-'), status.getReasonPhrase(),
                e.getReason() == null ? status.getReasonPhrase() : e.getReason()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (TransientFailures.isTransient(e)) {
            // The database (or another backend) away for a while, a timeout, a deadlock: nobody's fault, and a retry
            // later may well succeed. The transaction did not commit.
            log.warn("Backend unavailable: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable",
                            "This service cannot reach what it needs right now; try again in a moment"));
        }
        log.error("Unexpected error", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side; it has been logged"));
    }

    private ResponseEntity<ProblemDetail> tooLarge() {
        return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
                "The request body exceeds the size this service accepts"));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
