package io.guildhall.analytics.rebuild;

import io.guildhall.analytics.config.ProblemDetail;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/** An operator's tool: rebuild the read model from the topics (after a bug fix in a handler, say). */
@Controller("/api/analytics/admin")
@Secured("admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class RebuildController {

    private final ReadModelRebuild rebuild;

    public RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Post("/rebuild")
    @Status(HttpStatus.ACCEPTED)
    @Operation(summary = "Empty the read model and replay every topic from its beginning",
            description = "Returns once the listeners are moved to the beginning; the replay itself goes on in the"
                    + " background (watch guildhall_consumer_records_total). Realm role admin.")
    @ApiResponse(responseCode = "202", description = "Read model emptied, replay under way")
    @ApiResponse(responseCode = "409", description = "A rebuild is already running",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503",
            description = "The listeners could not be paused or moved in time (they were resumed)",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public RebuildStarted rebuild() {
        try {
            return rebuild.rebuild();
        } catch (RebuildException e) {
            throw new HttpStatusException(e.isConflict() ? HttpStatus.CONFLICT : HttpStatus.SERVICE_UNAVAILABLE,
                    e.getMessage());
        }
    }
}
