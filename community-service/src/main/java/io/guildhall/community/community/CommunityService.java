package io.guildhall.community.community;

import io.guildhall.support.outbox.Outbox;
import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.web.ConflictException;
import io.guildhall.support.web.InvalidFieldException;
import io.guildhall.support.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.UUID;

@Service
public class CommunityService {

    private final CommunityRepository communities;
    private final DatabaseClient db;
    private final Outbox outbox;
    private final Clock clock;

    public CommunityService(CommunityRepository communities, DatabaseClient db, Outbox outbox, Clock clock) {
        this.communities = communities;
        this.db = db;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The community, its first lead and the CommunityFounded event commit in one transaction. */
    @Transactional
    public Mono<Community> found(CreateCommunityRequest request, CurrentPerson founder) {
        Community.Founded founded = Community.found(UUID.randomUUID(), request.name(), request.description(),
                request.practiceArea(), request.visibility(), founder.personId(), clock.instant());
        if (founded.community().slug().isEmpty()) {
            return Mono.error(new InvalidFieldException("name", "must contain at least one letter or digit"));
        }
        return communities.save(founded.community())
                .flatMap(saved -> db.sql("INSERT INTO community_lead (community_id, person_id, assigned_at) VALUES (:c, :p, :t)")
                        .bind("c", saved.id()).bind("p", founder.personId()).bind("t", saved.createdAt())
                        .then()
                        .then(outbox.append(founded.event()))
                        .thenReturn(saved))
                .onErrorMap(DuplicateKeyException.class,
                        e -> new ConflictException("name", "a community with this name exists already"));
    }

    public Mono<Community> get(UUID id) {
        return communities.findById(id).switchIfEmpty(Mono.error(new NotFoundException("No community " + id)));
    }

    public Flux<Community> list(Pageable pageable) {
        return communities.findAllBy(pageable);
    }
}
