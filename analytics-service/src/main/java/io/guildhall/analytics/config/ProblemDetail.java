package io.guildhall.analytics.config;

import io.micronaut.serde.annotation.Serdeable;

/** An RFC 9457 problem: every error this service answers has this body, as {@code application/problem+json}. */
@Serdeable
public record ProblemDetail(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** RFC 9457: the problem has no more specific type than its HTTP status. */
    public static final String GENERIC_TYPE = "about:blank";
}
