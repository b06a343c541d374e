package io.guildhall.community.goal;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;

import java.util.UUID;

public interface GoalRepository extends ReactiveCrudRepository<Goal, UUID> {

    Flux<Goal> findByCommunityIdOrderByDueDateAscTitleAsc(UUID communityId);
}
