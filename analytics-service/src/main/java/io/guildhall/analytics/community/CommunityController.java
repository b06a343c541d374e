package io.guildhall.analytics.community;

import io.guildhall.analytics.config.ProblemDetail;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

// JDBC blocks, so requests run on the blocking executor, never on the Netty event loop.
@Controller("/api/analytics/communities")
@Secured({"employee", "executive"})
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
public class CommunityController {

    private final CommunityStore communities;
    private final TransactionOperations<Connection> transactions;

    public CommunityController(CommunityStore communities, TransactionOperations<Connection> transactions) {
        this.communities = communities;
        this.transactions = transactions;
    }

    @Get
    @Operation(summary = "Every community analytics has learnt of, by name")
    public List<CommunityView> list() {
        return transactions.executeRead(status -> communities.list(status.getConnection()));
    }

    @Get("/{id}")
    @Operation(summary = "What analytics knows of one community")
    @ApiResponse(responseCode = "200", description = "The community")
    @ApiResponse(responseCode = "404", description = "No event about this community has been consumed",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public CommunityView show(UUID id) {
        return transactions.executeRead(status -> communities.find(status.getConnection(), id))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                        "No community " + id + " is known to analytics."));
    }
}
