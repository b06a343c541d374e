package io.guildhall.analytics.rebuild;

import io.guildhall.analytics.config.ProblemDetail;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
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

/**
 * An operator's tool: rebuild the read model from the topics (after a bug fix in a handler, say), without the reports
 * ever showing a partial one ({@link ShadowRebuild}).
 */
@Controller("/api/analytics/admin/rebuild")
@Secured("admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class RebuildController {

    private final ShadowRebuild rebuild;

    public RebuildController(ShadowRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Post
    @Status(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild the read model from every topic's beginning, into a shadow, then switch over",
            description = "Returns at once; the rebuild goes on in the background. The reports keep reading the current"
                    + " read model, whole, until the rebuilt one has caught up with the topics, and then read the"
                    + " rebuilt one: the switch is one transaction. Follow it with GET. Realm role admin.")
    @ApiResponse(responseCode = "202", description = "Rebuild started")
    @ApiResponse(responseCode = "409", description = "A rebuild is already running (on this or another instance)",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The rebuild could not start (database or brokers away)",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public RebuildStarted start() {
        try {
            return rebuild.start();
        } catch (RebuildException e) {
            throw new HttpStatusException(e.isConflict() ? HttpStatus.CONFLICT : HttpStatus.SERVICE_UNAVAILABLE,
                    e.getMessage());
        }
    }

    @Get
    @Operation(summary = "The latest rebuild and how far it got",
            description = "Events applied, records still to read (lag), rate and estimated time left. Realm role admin.")
    @ApiResponse(responseCode = "200", description = "The latest rebuild")
    @ApiResponse(responseCode = "404", description = "No rebuild has run yet",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public RebuildProgress progress() {
        return rebuild.progress().orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "No rebuild has run yet"));
    }

    @Delete
    @Status(HttpStatus.ACCEPTED)
    @Operation(summary = "Cancel the running rebuild",
            description = "The shadow is dropped; the current read model stays as it was. Realm role admin.")
    @ApiResponse(responseCode = "202", description = "Cancel asked for; GET shows CANCELLED once it stopped")
    @ApiResponse(responseCode = "404", description = "No rebuild is building",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public RebuildProgress cancel() {
        if (!rebuild.cancel()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "No rebuild is building");
        }
        return rebuild.progress().orElseThrow();
    }
}
