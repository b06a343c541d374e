package io.guildhall.event.feedback;

import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.RequestValidation;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

/** {@code /api/events/{id}/feedback}: attendees rate an event; its organisers and leads read the anonymous summary. */
@RestController
@RequestMapping("/api/events/{id:[0-9a-fA-F-]{36}}/feedback")
public class FeedbackController {

    private final FeedbackService service;
    private final RequestValidation validation;

    public FeedbackController(FeedbackService service, RequestValidation validation) {
        this.service = service;
        this.validation = validation;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Rate an event you were checked in at (once; 1-5 and an optional comment)",
            description = "403 when not checked in; 409 when rated already (change it with PUT), the event was"
                    + " cancelled, or more than 14 days have passed since its end. Publishes FeedbackGiven (no person,"
                    + " no comment).")
    public Mono<MyFeedback> give(@PathVariable UUID id, @RequestBody FeedbackRequest request, CurrentPerson caller) {
        validation.check(request, List.of());
        return service.give(id, request, caller);
    }

    @PutMapping
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Change your rating or comment, until 14 days after the event's end")
    public Mono<MyFeedback> change(@PathVariable UUID id, @RequestBody FeedbackRequest request, CurrentPerson caller) {
        validation.check(request, List.of());
        return service.change(id, request, caller);
    }

    @GetMapping("/mine")
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "Your own feedback on the event; 403 when you were not checked in, 404 when you gave none yet")
    public Mono<MyFeedback> mine(@PathVariable UUID id, CurrentPerson caller) {
        return service.mine(id, caller);
    }

    @GetMapping
    @PreAuthorize("hasRole('employee')")
    @Operation(summary = "The anonymous summary (organiser, co-organisers, the community's leads, admins)",
            description = "Count, mean, how many gave each rating and the comments sorted by their text, never a name;"
                    + " under 5 answers the count alone.")
    public Mono<FeedbackSummary> summary(@PathVariable UUID id, CurrentPerson caller) {
        return service.summary(id, caller);
    }
}
