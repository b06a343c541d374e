package io.guildhall.gateway.portal.community;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The caller's memberships and requests to join (membership-service's {@code GET /api/me/communities}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MyCommunities(List<Membership> communities, List<Request> requests) {

    public MyCommunities {
        communities = communities == null ? List.of() : List.copyOf(communities);
        requests = requests == null ? List.of() : List.copyOf(requests);
    }

    /** A community the caller belongs to, and as what (MEMBER or LEAD). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Membership(UUID communityId, String slug, String name, String role, Instant joinedAt) {

        public boolean isLead() {
            return "LEAD".equalsIgnoreCase(role);
        }
    }

    /** A request to join (PENDING until a lead decides). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(UUID id, UUID communityId, String status, Instant requestedAt) {

        public boolean isPending() {
            return "PENDING".equals(status);
        }
    }

    public List<Membership> led() {
        return communities.stream().filter(Membership::isLead).toList();
    }
}
