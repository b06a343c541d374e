package io.guildhall.community.community;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import java.util.UUID;

public interface CommunityRepository extends ReactiveCrudRepository<Community, UUID> {
}
