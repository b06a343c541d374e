package io.guildhall.membership.privacy;

import io.guildhall.contracts.membership.LeaveReason;
import io.guildhall.contracts.person.PersonErased;
import io.guildhall.membership.contribution.Contribution;
import io.guildhall.membership.contribution.ContributionStore;
import io.guildhall.membership.membership.HistoryEntry;
import io.guildhall.membership.membership.Membership;
import io.guildhall.membership.membership.MembershipStore;
import io.guildhall.membership.membership.MembershipRequest;
import io.guildhall.membership.membership.RequestStore;
import io.guildhall.membership.membership.Roster;
import io.guildhall.membership.person.Person;
import io.guildhall.membership.person.PersonStore;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Personal data rights: everything this service holds about a person, and erasing it. */
@Service
public class PersonalData {

    private final PersonStore people;
    private final MembershipStore memberships;
    private final RequestStore requests;
    private final ContributionStore contributions;
    private final Roster roster;
    private final Outbox outbox;
    private final Clock clock;

    public PersonalData(PersonStore people, MembershipStore memberships, RequestStore requests,
                        ContributionStore contributions, Roster roster, Outbox outbox, Clock clock) {
        this.people = people;
        this.memberships = memberships;
        this.requests = requests;
        this.contributions = contributions;
        this.roster = roster;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Export(Instant exportedAt, String source, Person person, List<Membership> memberships,
                         List<HistoryEntry> membershipHistory, List<MembershipRequest> membershipRequests,
                         List<Contribution> contributions) {
    }

    public Mono<Export> export(String personId) {
        return people.find(personId)
                .switchIfEmpty(Mono.error(new NotFoundException("Guildhall holds no directory entry for " + personId)))
                .flatMap(person -> Mono.zip(memberships.ofPerson(personId, false).collectList(),
                                memberships.historyOf(personId).collectList(),
                                requests.ofPerson(personId).collectList(),
                                contributions.ofPerson(personId, LocalDate.of(1970, 1, 1), LocalDate.of(9999, 12, 31)).collectList())
                        .map(t -> new Export(clock.instant(), "membership-service", person, t.getT1(), t.getT2(),
                                t.getT3(), t.getT4())));
    }

    /**
     * Erases a person in one transaction: their memberships close (and are unmirrored from Keycloak), free text
     * about them (contribution notes, request reasons, history details) is dropped, the directory entry becomes a
     * tombstone that later syncs leave alone, and PersonErased asks every other service to do the same. What stays
     * is keyed by the bare Keycloak id, so community totals do not change.
     */
    @Transactional
    public Mono<Void> erase(String personId, String erasedBy) {
        Instant now = clock.instant();
        return people.find(personId)
                .switchIfEmpty(Mono.error(new NotFoundException("No person " + personId)))
                .flatMap(person -> person.erased()
                        ? Mono.error(new ConflictException("id", "the person is erased already"))
                        : roster.closeAll(personId, LeaveReason.PERSON_ERASED, now)
                        .then(contributions.eraseNotes(personId))
                        .then(requests.eraseReasons(personId))
                        .then(memberships.eraseRequestDetails(personId))
                        .then(people.erase(personId, now))
                        .then(outbox.append(new PersonErased(personId, erasedBy, now))));
    }
}
