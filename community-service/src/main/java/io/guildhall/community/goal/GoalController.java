package io.guildhall.community.goal;

import io.guildhall.support.security.CurrentPerson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/communities/{id}/goals")
@Tag(name = "Goals", description = "A community's measurable goals and their check-ins; statuses are derived")
public class GoalController {

    private static final String READERS = "hasAnyRole('employee', 'executive', 'admin')";
    private static final String WRITERS = "hasAnyRole('employee', 'admin')";

    private final GoalService goals;
    private final CheckInService checkIns;

    public GoalController(GoalService goals, CheckInService checkIns) {
        this.goals = goals;
        this.checkIns = checkIns;
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    @Operation(summary = "Set a goal (the community's leads or an admin)",
            description = "The owner must be a lead; the due date today or later; the target different from the baseline.")
    public Mono<ResponseEntity<GoalView>> set(@PathVariable UUID id, @Valid @RequestBody SetGoalRequest request,
                                              CurrentPerson caller) {
        return goals.set(id, request, caller).map(goal -> ResponseEntity
                .created(URI.create("/api/communities/" + id + "/goals/" + goal.id())).eTag(goal.etag()).body(goal));
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "A community's goals, by due date; with recentCheckIns=N each carries its N newest"
            + " check-ins (a lead's or derived from events), the evidence behind its progress")
    public Mono<List<GoalView>> list(@PathVariable UUID id,
                                     @Parameter(description = "How many of each goal's newest check-ins to include (0-10); none when 0")
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(10) int recentCheckIns) {
        return goals.list(id, recentCheckIns);
    }

    @GetMapping("/{goalId}")
    @PreAuthorize(READERS)
    @Operation(summary = "A goal with its full check-in history, newest first")
    public Mono<ResponseEntity<GoalView>> get(@PathVariable UUID id, @PathVariable UUID goalId) {
        return goals.get(id, goalId).map(goal -> ResponseEntity.ok().eTag(goal.etag()).body(goal));
    }

    @PatchMapping("/{goalId}")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Edit a goal (the community's leads or an admin)",
            description = "Partial update; If-Match optional, 412 when stale. A resulting status change is published.")
    public Mono<ResponseEntity<GoalView>> update(@PathVariable UUID id, @PathVariable UUID goalId,
                                                 @Valid @RequestBody UpdateGoalRequest patch,
                                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 CurrentPerson caller) {
        return goals.update(id, goalId, patch, ifMatch, caller).map(goal -> ResponseEntity.ok().eTag(goal.etag()).body(goal));
    }

    @PostMapping("/{goalId}/check-ins")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Report progress (the community's leads or an admin)",
            description = "The value is the metric's level as of the date, not an increment. Answers with the goal and its history.")
    public Mono<ResponseEntity<GoalView>> checkIn(@PathVariable UUID id, @PathVariable UUID goalId,
                                                  @Valid @RequestBody CheckInRequest request, CurrentPerson caller) {
        return checkIns.checkIn(id, goalId, request, caller).map(goal -> ResponseEntity
                .created(URI.create("/api/communities/" + id + "/goals/" + goalId)).eTag(goal.etag()).body(goal));
    }
}
