package io.guildhall.analytics.config;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Renders every error response (routing, binding, security rejections, exceptions) as an RFC 9457 problem, so the
 * gateway and API clients see one error format across the Spring services and this one.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemDetailErrorBodyProvider implements JsonErrorResponseBodyProvider<ProblemDetail> {

    @Override
    public ProblemDetail body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.status();
        return new ProblemDetail(ProblemDetail.GENERIC_TYPE, status.getReason(), status.getCode(),
                detail(context, status), context.getRequest().getPath());
    }

    @Override
    public String contentType() {
        return ProblemDetail.MEDIA_TYPE;
    }

    private static String detail(ErrorContext context, HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "A valid bearer access token issued by the Guildhall realm is required.";
            case FORBIDDEN -> "The caller's roles do not allow this request.";
            // An exception's message may expose internals: server errors stay generic, the log has the cause.
            default -> status.getCode() >= 500 || !context.hasErrors()
                    ? status.getReason()
                    : context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        };
    }
}
