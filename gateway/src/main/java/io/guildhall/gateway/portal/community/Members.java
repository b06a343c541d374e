package io.guildhall.gateway.portal.community;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/** A community's members as membership-service's {@code GET /api/communities/{id}/members} lists them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Members(long count, List<Member> members) {

    public Members {
        members = members == null ? List.of() : List.copyOf(members);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String personId, String displayName, String role, Instant joinedAt) {
    }
}
