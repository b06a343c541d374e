package io.guildhall.analytics.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** One ISO week of a trend (cut to the period); {@code share} is null when suppressed or without work time. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TrendPoint(String week, boolean suppressed, Double share) {
}
