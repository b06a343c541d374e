package io.guildhall.analytics.report;

import io.guildhall.analytics.config.ProblemDetail;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/** Executive oversight, as JSON and as CSV: groups of people and communities, never an individual. */
@Controller("/api/analytics")
@Secured(CommunityReportController.EXECUTIVE)
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class OversightController {

    static final String CSV = "text/csv";
    private static final String GROUP_BY = "department | level | location | community";

    private final Oversight oversight;
    private final ReportParameters parameters;

    public OversightController(Oversight oversight, ReportParameters parameters) {
        this.oversight = oversight;
        this.parameters = parameters;
    }

    @Get("/oversight")
    @Operation(operationId = "oversightReport",
            summary = "Participation per department, level, location or community, and the communities ranked",
            description = "Per group: people counted, median share, share of people at or above target, total hours,"
                    + " weekly trend. A person belongs, day by day, to the group of their profile that day. Groups"
                    + " under the privacy threshold, and groups that would reveal one by subtraction, are suppressed.")
    @ApiResponse(responseCode = "200", description = "The oversight report")
    @ApiResponse(responseCode = "400", description = "An unknown groupBy or a malformed, future or too long period",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not an executive",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public OversightReport show(@Parameter(description = GROUP_BY) @QueryValue String groupBy,
                                @Parameter(description = ReportParameters.PERIOD_DESCRIPTION) @Nullable @QueryValue String period) {
        return report(groupBy, period);
    }

    @Get("/oversight.csv")
    @Produces(CSV)
    @Operation(summary = "The oversight groups as CSV (one row per group and one for everyone; a column per week)")
    @ApiResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = CSV))
    @ApiResponse(responseCode = "400", description = "An unknown groupBy or a malformed, future or too long period",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public HttpResponse<String> csv(@Parameter(description = GROUP_BY) @QueryValue String groupBy,
                                    @Parameter(description = ReportParameters.PERIOD_DESCRIPTION) @Nullable @QueryValue String period) {
        OversightReport report = report(groupBy, period);
        return HttpResponse.ok(OversightCsv.of(report)).header("Content-Disposition",
                "attachment; filename=\"oversight-" + report.groupBy() + "-" + report.period().replace(':', '-')
                        + ".csv\"");
    }

    private OversightReport report(String groupBy, String period) {
        GroupBy grouping = parameters.groupBy(groupBy);
        return oversight.report(parameters.period(period), grouping, parameters.today());
    }
}
