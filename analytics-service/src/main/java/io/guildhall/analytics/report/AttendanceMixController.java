package io.guildhall.analytics.report;

import io.guildhall.analytics.config.ProblemDetail;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.UUID;

/** One event's attendees, new to its community or returning: for the community's leads and executives. */
@Controller("/api/analytics/events")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class AttendanceMixController {

    @Serdeable
    public record AttendanceMix(UUID eventId, UUID communityId, NewAndReturning mix) {
    }

    private final CommunityHealth communities;

    public AttendanceMixController(CommunityHealth communities) {
        this.communities = communities;
    }

    @Get("/{eventId}/attendance-mix")
    @Operation(operationId = "attendanceMix", summary = "An event's attendees: new to its community, or returning",
            description = "For the leads of the event's community and executives; null and suppressed under the privacy"
                    + " threshold of attendees.")
    @ApiResponse(responseCode = "200", description = "The event's mix")
    @ApiResponse(responseCode = "403", description = "Neither a lead of the event's community nor an executive",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No held event of a community is known by that id",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public AttendanceMix show(Authentication caller, UUID eventId) {
        var mix = communities.attendanceMix(eventId).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "No event " + eventId + " of a community is known to analytics."));
        if (!caller.getRoles().contains(CommunityReportController.EXECUTIVE) && !communities.isLead(mix.getKey(), caller.getName())) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "Only the community's leads and executives.");
        }
        return new AttendanceMix(eventId, mix.getKey(), mix.getValue());
    }
}
