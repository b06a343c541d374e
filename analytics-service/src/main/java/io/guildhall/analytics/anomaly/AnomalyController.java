package io.guildhall.analytics.anomaly;

import io.guildhall.analytics.config.ProblemDetail;
import io.guildhall.analytics.participation.Period;
import io.guildhall.analytics.report.ReportParameters;
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

import java.util.List;
import java.util.UUID;

/** Rule 10: the anomalies list, for admins (everything) and community leads (their communities' events). */
@Controller("/api/analytics/admin/anomalies")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class AnomalyController {

    static final String ADMIN = "admin";

    private final Anomalies anomalies;
    private final ReportParameters parameters;

    public AnomalyController(Anomalies anomalies, ReportParameters parameters) {
        this.anomalies = anomalies;
        this.parameters = parameters;
    }

    @Get
    @Operation(operationId = "anomalies",
            summary = "Events and people worth a second look: recorded after the fact, an organiser's only attendee, "
                    + "reciprocal check-ins, people at the day cap on 3 or more days of a week",
            description = "Realm role admin: every community and the people at the day cap. A community's lead: the"
                    + " events of the communities they lead, no people. Anyone else: 403.")
    @ApiResponse(responseCode = "200", description = "The anomalies of the period")
    @ApiResponse(responseCode = "400", description = "A malformed period",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Neither an admin nor a community's lead",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public AnomalyReport list(Authentication caller,
                              @Parameter(description = ReportParameters.PERIOD_DESCRIPTION) @Nullable @QueryValue String period) {
        Period reported = parameters.period(period);
        if (caller.getRoles().contains(ADMIN)) {
            return anomalies.report(reported, null);
        }
        List<UUID> led = anomalies.ledBy(caller.getName());
        if (led.isEmpty()) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "Only admins and community leads.");
        }
        return anomalies.report(reported, led);
    }
}
