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

import java.util.UUID;

/** The community report: for that community's active leads and for executives. */
@Controller("/api/analytics/communities")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class CommunityReportController {

    static final String EXECUTIVE = "executive";

    private final CommunityHealth communities;
    private final ReportParameters parameters;

    public CommunityReportController(CommunityHealth communities, ReportParameters parameters) {
        this.communities = communities;
        this.parameters = parameters;
    }

    @Get("/{id}")
    @Operation(operationId = "communityReport",
            summary = "A community's health: members, activity, hours, events, attendance, goals, score",
            description = "For the community's leads and executives. Figures over fewer people than the privacy"
                    + " threshold are null and flagged suppressed.")
    @ApiResponse(responseCode = "200", description = "The community's report")
    @ApiResponse(responseCode = "400", description = "A malformed id or period",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Neither a lead of this community nor an executive",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such community",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public CommunityReport show(Authentication caller, UUID id,
                                @Parameter(description = ReportParameters.PERIOD_DESCRIPTION) @Nullable @QueryValue String period) {
        io.guildhall.analytics.participation.Period reported = parameters.period(period);
        String name = communities.name(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "No community " + id + " is known to analytics."));
        if (!caller.getRoles().contains(EXECUTIVE) && !communities.isLead(id, caller.getName())) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "Only the community's leads and executives.");
        }
        return communities.report(id, name, reported, parameters.today());
    }
}
