package io.guildhall.event.history;

import io.guildhall.event.event.EventView;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.RequestValidation;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;

@RestController
public class HistoryController {

    private final HistoryImport history;
    private final RequestValidation validation;
    private final Clock clock;

    public HistoryController(HistoryImport history, RequestValidation validation, Clock clock) {
        this.history = history;
        this.validation = validation;
        this.clock = clock;
    }

    @PostMapping("/api/events/history")
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "Admin: import an event that took place before Guildhall, with its attendance",
            description = "For an organisation bringing its history from another tool. The event must be over and have"
                    + " started at most 400 days ago; each person appears once among attended, noShows and waitlisted;"
                    + " neither the organiser nor the importing admin attended; attended and no-shows fit the seats and"
                    + " only a full event has a waitlist. Every broken rule is named at once (400). The event is"
                    + " published as if held here: EventScheduled (recordedAfterTheFact), RsvpConfirmed, RsvpWaitlisted,"
                    + " AttendanceRecorded (method ORGANISER, recordedBy the admin) and NoShowRecorded. 403 for anyone but an admin.")
    public Mono<ResponseEntity<EventView>> importEvent(@RequestBody HistoryImportRequest request, CurrentPerson caller) {
        validation.check(request, HistoryRules.problems(request, caller.personId(), clock.instant()));
        return history.importEvent(request, caller)
                .map(view -> ResponseEntity.created(URI.create("/api/events/" + view.id())).body(view));
    }
}
