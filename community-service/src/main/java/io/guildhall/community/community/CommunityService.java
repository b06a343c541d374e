package io.guildhall.community.community;

import io.guildhall.community.IfMatch;
import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.InvalidFieldException;
import io.guildhall.support.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Service
public class CommunityService {

    private final CommunityRepository communities;
    private final R2dbcEntityTemplate template;
    private final Leadership leadership;
    private final Outbox outbox;
    private final Clock clock;

    public CommunityService(CommunityRepository communities, R2dbcEntityTemplate template, Leadership leadership,
                            Outbox outbox, Clock clock) {
        this.communities = communities;
        this.template = template;
        this.leadership = leadership;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The community, its first lead and the CommunityFounded event commit in one transaction. */
    @Transactional
    public Mono<CommunityView> found(CreateCommunityRequest request, CurrentPerson founder) {
        Community.Founded founded = Community.found(UUID.randomUUID(), request, founder.personId(), clock.instant());
        if (founded.community().slug().isEmpty()) {
            return Mono.error(new InvalidFieldException("name", "must contain at least one letter or digit"));
        }
        return communities.save(founded.community())
                .flatMap(saved -> leadership.assign(saved.id(), founder.personId(), saved.createdAt())
                        .then(outbox.append(founded.event()))
                        .thenReturn(CommunityView.of(saved, List.of(founder.personId()))))
                .onErrorMap(DuplicateKeyException.class, CommunityService::duplicateName);
    }

    public Mono<Community> find(UUID id) {
        return communities.findById(id).switchIfEmpty(Mono.error(new NotFoundException("No community " + id)));
    }

    public Mono<CommunityView> get(UUID id) {
        return find(id).flatMap(this::view);
    }

    /**
     * Communities matching every given filter: {@code text} anywhere in name, description or purpose (case-insensitive),
     * {@code practiceArea} exactly (case-insensitive), and the status (ACTIVE unless asked otherwise).
     */
    public Mono<CommunityPage> search(String text, String practiceArea, CommunityStatus status, int page, int size,
                                      String sort, Sort.Direction direction) {
        Criteria criteria = Criteria.where("status").is(status == null ? CommunityStatus.ACTIVE : status);
        if (practiceArea != null && !practiceArea.isBlank()) {
            criteria = criteria.and("practiceArea").is(practiceArea.trim().toLowerCase(Locale.ROOT));
        }
        if (text != null && !text.isBlank()) {
            String pattern = "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            criteria = criteria.and(Criteria.where("name").like(pattern).ignoreCase(true)
                    .or("description").like(pattern).ignoreCase(true)
                    .or("purpose").like(pattern).ignoreCase(true));
        }
        Query query = Query.query(criteria);
        PageRequest pageRequest = PageRequest.of(page, size, Sort.by(direction, sort).and(Sort.by("id")));
        return template.count(query, Community.class)
                .zipWith(template.select(Community.class).matching(query.with(pageRequest)).all().collectList())
                .flatMap(result -> views(result.getT2()).map(items -> new CommunityPage(items, page, size, result.getT1(),
                        (result.getT1() + size - 1) / size)));
    }

    /** A lead's (or admin's) partial edit; If-Match, when sent, must name the current version. */
    @Transactional
    public Mono<CommunityView> update(UUID id, UpdateCommunityRequest patch, String ifMatch, CurrentPerson caller) {
        return find(id)
                .flatMap(community -> leadership.requireLeadOrAdmin(id, caller).thenReturn(community))
                .flatMap(community -> {
                    IfMatch.requireMatch(ifMatch, community.version());
                    Community.Updated updated = community.update(patch, caller.personId(), clock.instant());
                    if (updated.community().slug().isEmpty()) {
                        return Mono.error(new InvalidFieldException("name", "must contain at least one letter or digit"));
                    }
                    return communities.save(updated.community())
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
                    return communities.save(archived.community())
                            .flatMap(saved -> outbox.append(archived.event()).then(view(saved)));
                });
    }

    Mono<CommunityView> view(Community community) {
        return leadership.leadsOf(community.id()).map(leads -> CommunityView.of(community, leads));
    }

    private Mono<List<CommunityView>> views(List<Community> page) {
        return leadership.leadsOf(page.stream().map(Community::id).toList())
                .map(leads -> page.stream().map(c -> CommunityView.of(c, leads.getOrDefault(c.id(), List.of()))).toList());
    }

    private static Throwable duplicateName(DuplicateKeyException e) {
        return new ConflictException("name", "a community with this name exists already");
    }
}
