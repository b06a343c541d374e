package io.guildhall.community.community;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

public interface CommunityRepository extends ReactiveCrudRepository<Community, UUID> {

    Flux<Community> findAllBy(Pageable pageable);

    Mono<Boolean> existsBySlug(String slug);
}
