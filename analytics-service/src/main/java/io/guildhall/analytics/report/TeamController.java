package io.guildhall.analytics.report;

import io.guildhall.analytics.config.ProblemDetail;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/** The managers' view: the caller's direct reports as one group against the target. */
@Controller("/api/analytics/team")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class TeamController {

    private final Team team;
    private final ReportParameters parameters;

    public TeamController(Team team, ReportParameters parameters) {
        this.team = team;
        this.parameters = parameters;
    }

    @Get
    @Operation(operationId = "teamReport", summary = "My team (direct reports) against the target, by week and category",
            description = "For people with direct reports (managerId in the directory). Under the privacy threshold of"
                    + " people only the team's size; never anyone by name or id.")
    @ApiResponse(responseCode = "200", description = "The team's figures")
    @ApiResponse(responseCode = "400", description = "A malformed period",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Nobody reports to the caller",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public TeamReport show(Authentication caller,
                           @Parameter(description = ReportParameters.PERIOD_DESCRIPTION) @Nullable @QueryValue String period) {
        io.guildhall.analytics.participation.Period reported = parameters.period(period);
        if (!team.hasReports(caller.getName(), parameters.today())) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "Only people with direct reports have a team view.");
        }
        return team.report(caller.getName(), reported, parameters.today());
    }
}
