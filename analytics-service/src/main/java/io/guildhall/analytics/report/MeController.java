package io.guildhall.analytics.report;

import io.guildhall.analytics.config.ProblemDetail;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

// JDBC blocks, so requests run on the blocking executor, never on the Netty event loop.
@Controller("/api/analytics/me")
@Secured("employee")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class MeController {

    private final Me me;
    private final ReportParameters parameters;

    public MeController(Me me, ReportParameters parameters) {
        this.me = me;
        this.parameters = parameters;
    }

    @Get
    @Operation(operationId = "meReport",
            summary = "The caller's own participation against the target",
            description = "Share of work time (participation minutes in counted categories / contracted work minutes"
                    + " so far in the period), by category and community, weekly trend, network reach and give/take.")
    @ApiResponse(responseCode = "200", description = "The caller's report")
    @ApiResponse(responseCode = "400", description = "A malformed, future or too long period",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public MeReport show(Authentication caller,
                         @Parameter(description = ReportParameters.PERIOD_DESCRIPTION) @Nullable @QueryValue String period) {
        return me.report(caller.getName(), parameters.period(period), parameters.today());
    }
}
