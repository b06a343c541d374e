package io.guildhall.analytics.community;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.sql.Connection;
import java.util.List;

// One community's figures are CommunityReportController's (leads and executives only), not an employee's.
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
}
