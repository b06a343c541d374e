package io.guildhall.gateway.portal.community;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Where I stand with one community, and so which action its page offers: MEMBER or LEAD (leave; a lead steps
 * down first), PENDING (my request waits for a lead), DECLINED (my last request was declined, with the lead's
 * reason; I may ask again), or NONE (join an OPEN community, request to join one that asks). An archived
 * community offers nothing.
 */
public record MyMembership(String state, String role, boolean open, boolean archived, String declinedReason) {

    static Mono<MyMembership> of(ApiClient api, UUID communityId, CommunityDetail community) {
        boolean open = community.isOpen();
        boolean archived = community.isArchived();
        return api.object(Service.MEMBERSHIP, MyCommunities.class, "/api/me/communities").flatMap(mine -> {
            for (MyCommunities.Membership c : mine.communities()) {
                if (communityId.equals(c.communityId())) {
                    return Mono.just(new MyMembership(c.isLead() ? "LEAD" : "MEMBER", c.role(), open, archived, null));
                }
            }
            for (MyCommunities.Request r : mine.requests()) {
                if (communityId.equals(r.communityId()) && r.isPending()) {
                    return Mono.just(new MyMembership("PENDING", null, open, archived, null));
                }
            }
            MyMembership none = new MyMembership("NONE", null, open, archived, null);
            return open ? Mono.just(none) : lastDecline(api, communityId).map(reason -> new MyMembership("DECLINED", null, open, archived, reason))
                    .defaultIfEmpty(none);
        });
    }

    /** The lead's reason when the latest change of my membership here was a declined request (history is oldest first). */
    private static Mono<String> lastDecline(ApiClient api, UUID communityId) {
        return api.list(Service.MEMBERSHIP, Change.class, "/api/memberships/me/history").flatMap(history -> {
            Change last = null;
            for (Change change : history) {
                if (communityId.equals(change.communityId())) {
                    last = change;
                }
            }
            return last != null && "REQUEST_DECLINED".equals(last.change())
                    ? Mono.just(last.detail() == null ? "" : last.detail()) : Mono.empty();
        });
    }

    /** One change of my memberships, as {@code GET /api/memberships/me/history} has it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Change(UUID communityId, String change, String detail) {
    }

    public boolean member() {
        return "MEMBER".equals(state) || "LEAD".equals(state);
    }

    /** Join, or request to join: someone with no membership, or whose last request was declined. */
    public boolean mayAsk() {
        return ("NONE".equals(state) || "DECLINED".equals(state)) && !archived;
    }
}
