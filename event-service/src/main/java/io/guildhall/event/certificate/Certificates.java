package io.guildhall.event.certificate;

import io.guildhall.contracts.event.EventCategory;
import io.guildhall.event.attendance.AttendanceStore;
import io.guildhall.event.event.EventStore;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.UUID;

/**
 * Certificates of attendance (issue 17): a person checked in at a training downloads theirs; anyone holding its code
 * verifies it, and learns only the name, the training and the date.
 */
@Service
public class Certificates {

    private final EventStore events;
    private final AttendanceStore attendance;
    private final CertificateStore store;
    private final Clock clock;

    public Certificates(EventStore events, AttendanceStore attendance, CertificateStore store, Clock clock) {
        this.events = events;
        this.attendance = attendance;
        this.store = store;
        this.clock = clock;
    }

    public Mono<Certificate> mine(UUID eventId, CurrentPerson caller) {
        return events.find(eventId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No event " + eventId)))
                .flatMap(event -> {
                    if (event.type() != EventCategory.TRAINING) {
                        return Mono.error(new ConflictException("Certificates of attendance are for trainings"));
                    }
                    return attendance.find(eventId, caller.personId()).filter(a -> a.minutes() > 0)
                            .switchIfEmpty(Mono.error(() -> new AccessDeniedException(
                                    "Only people checked in at the training get its certificate")))
                            .flatMap(attended -> store.issue(eventId, caller.personId(), nameOf(caller), attended.minutes(),
                                    CertificateCodes.fresh(), clock.instant()));
                });
    }

    public Mono<Certificate> verify(String typed) {
        String code = CertificateCodes.normalised(typed);
        return code == null ? Mono.error(new NotFoundException("No certificate " + typed))
                : store.byCode(code).switchIfEmpty(Mono.error(() -> new NotFoundException("No certificate " + typed)));
    }

    private static String nameOf(CurrentPerson caller) {
        return caller.name() != null && !caller.name().isBlank() ? caller.name().trim()
                : caller.username() != null ? caller.username() : caller.personId();
    }
}
