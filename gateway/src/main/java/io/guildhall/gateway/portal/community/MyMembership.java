package io.guildhall.gateway.portal.community;

import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where I stand with one community, and so which action its page offers: MEMBER or LEAD (leave; a lead steps
 * down first), PENDING (my request waits for a lead), or NONE (join an OPEN community, request to join one
 * that asks). An archived community offers nothing.
 */
public record MyMembership(String state, String role, boolean open, boolean archived) {

    @SuppressWarnings("unchecked")
    static Mono<MyMembership> of(ApiClient api, UUID communityId, Map<String, Object> community) {
        boolean open = !"REQUEST_TO_JOIN".equals(community.get("visibility"));
        boolean archived = "ARCHIVED".equals(community.get("status"));
        String id = communityId.toString();
        return api.object(Service.MEMBERSHIP, "/api/me/communities").map(mine -> {
            for (Map<String, Object> c : (List<Map<String, Object>>) mine.getOrDefault("communities", List.of())) {
                if (id.equals(String.valueOf(c.get("communityId")))) {
                    String role = String.valueOf(c.get("role"));
                    return new MyMembership("LEAD".equalsIgnoreCase(role) ? "LEAD" : "MEMBER", role, open, archived);
                }
            }
            for (Map<String, Object> r : (List<Map<String, Object>>) mine.getOrDefault("requests", List.of())) {
                if (id.equals(String.valueOf(r.get("communityId"))) && "PENDING".equals(r.get("status"))) {
                    return new MyMembership("PENDING", null, open, archived);
                }
            }
            return new MyMembership("NONE", null, open, archived);
        });
    }

    public boolean member() {
        return "MEMBER".equals(state) || "LEAD".equals(state);
    }
}
