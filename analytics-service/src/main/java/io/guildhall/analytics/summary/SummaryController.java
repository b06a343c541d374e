package io.guildhall.analytics.summary;

import io.guildhall.analytics.config.ProblemDetail;
import io.guildhall.analytics.participation.InvalidPeriodException;
import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.settings.AnalyticsSettings;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** An administrator publishes (again) the participation summaries of a given week. */
@Controller("/api/analytics/admin/participation-summaries")
@Secured("admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class SummaryController {

    private final SummaryPublisher publisher;
    private final AnalyticsSettings settings;

    public SummaryController(SummaryPublisher publisher, AnalyticsSettings settings) {
        this.publisher = publisher;
        this.settings = settings;
    }

    @Post
    @Operation(summary = "Publish the ParticipationSummarised events of an ended ISO week",
            description = "Same ce_ids as the weekly job's, so consumers skip a week they already have.")
    @ApiResponse(responseCode = "200", description = "The summaries sent, one per department shown")
    @ApiResponse(responseCode = "400", description = "A malformed week, or one that has not ended",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public List<Published> publish(@Parameter(description = "An ISO week, e.g. 2026-W47") @QueryValue String week) {
        LocalDate today = LocalDate.now(settings.zone());
        Period period;
        try {
            period = Period.parse("week:" + week, today);
        } catch (InvalidPeriodException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "Parameter week '" + week
                    + "' is not an ISO week like 2026-W47 up to now.");
        }
        if (!period.end().isBefore(today)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "Parameter week '" + week
                    + "' has not ended yet; a summary covers a whole week.");
        }
        return publisher.publish(period, today, Clock.systemUTC());
    }
}
