package io.guildhall.community.community;

import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.IfMatch;
import io.guildhall.support.web.InvalidFieldException;
import io.guildhall.support.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Service
public class CommunityService {

    private final CommunityStore communities;
    private final Leadership leadership;
    private final LeadStore leads;
    private final Outbox outbox;
    private final Clock clock;

    public CommunityService(CommunityStore communities, Leadership leadership, LeadStore leads, Outbox outbox,
                            Clock clock) {
        this.communities = communities;
        this.leadership = leadership;
        this.leads = leads;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The community, its first lead and the CommunityFounded event commit in one transaction. */
    @Transactional
    public Mono<CommunityView> found(CreateCommunityRequest request, CurrentPerson founder) {
        Community.Founded founded = Community.found(UUID.randomUUID(), request.name(), request.description(),
                request.practiceArea(), request.visibility(), request.charter(), request.sponsorId(), request.channels(), founder.personId(),
                clock.instant());
        if (founded.community().slug().isEmpty()) {
            return Mono.error(new InvalidFieldException("name", "must contain at least one letter or digit"));
        }
        return communities.insert(founded.community())
                .flatMap(saved -> leads.assign(saved.id(), founder.personId(), saved.createdAt())
                        .then(outbox.append(founded.event()))
                        .thenReturn(CommunityView.of(saved, List.of(founder.personId()))))
                .onErrorMap(DuplicateKeyException.class, CommunityService::duplicateName);
    }

    public Mono<Community> find(UUID id) {
        return communities.find(id).switchIfEmpty(Mono.error(new NotFoundException("No community " + id)));
    }

    public Mono<CommunityView> get(UUID id) {
        return find(id).flatMap(this::view);
    }

    /**
     * Communities matching every given filter: {@code text} anywhere in name, description or purpose (case-insensitive),
     * {@code practiceArea} exactly (case-insensitive), and the status (active and inactive unless asked otherwise).
     */
    public Mono<CommunityPage> search(String text, String practiceArea, CommunityStatus status, int page, int size,
                                      String sort, Sort.Direction direction) {
        String area = practiceArea == null || practiceArea.isBlank() ? null : practiceArea.trim().toLowerCase(Locale.ROOT);
        String words = text == null || text.isBlank() ? null : text.trim();
        return communities.search(status, area, words, sort,
                        direction.isAscending(), page, size)
                .flatMap(result -> views(result.items()).map(items -> new CommunityPage(items, page, size, result.total(),
                        (result.total() + size - 1) / size)));
    }
    /** A lead's (or admin's) partial edit; If-Match, when sent, must name the current version. */
    @Transactional
    public Mono<CommunityView> update(UUID id, UpdateCommunityRequest patch, String ifMatch, CurrentPerson caller) {
        return find(id)
                .flatMap(community -> leadership.requireLeadOrAdmin(id, caller).thenReturn(community))
                .flatMap(community -> {
                    IfMatch.requireMatch(ifMatch, community.version());
                    Community.Updated updated = community.update(patch.name(), patch.description(), patch.practiceArea(),
                            patch.visibility(), patch.charter(), patch.sponsorId(), patch.channels(), caller.personId(), clock.instant());
                    if (updated.community().slug().isEmpty()) {
                        return Mono.error(new InvalidFieldException("name", "must contain at least one letter or digit"));
                    }
                    return communities.update(updated.community())
                            .flatMap(saved -> outbox.append(updated.event())
                                    .then(view(saved)));
                })
                .onErrorMap(DuplicateKeyException.class, CommunityService::duplicateName);
    }

    @Transactional
    public Mono<CommunityView> archive(UUID id, String ifMatch, CurrentPerson caller) {
        return find(id)
                .flatMap(community -> leadership.requireLeadOrAdmin(id, caller).thenReturn(community))
                .flatMap(community -> {
                    IfMatch.requireMatch(ifMatch, community.version());
                    Community.Archived archived = community.archive(caller.personId(), clock.instant());
                    return communities.update(archived.community())
                            .flatMap(saved -> outbox.append(archived.event()).then(view(saved)));
                });
    }

    Mono<CommunityView> view(Community community) {
        return leads.leadsOf(community.id()).map(people -> CommunityView.of(community, people));
    }

    private Mono<List<CommunityView>> views(List<Community> page) {
        return leads.leadsOf(page.stream().map(Community::id).toList())
                .map(leads -> page.stream().map(c -> CommunityView.of(c, leads.getOrDefault(c.id(), List.of()))).toList());
    }

    private static Throwable duplicateName(DuplicateKeyException e) {
        return new ConflictException("name", "a community with this name exists already");
    }
}
