package io.guildhall.gateway.portal;

import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.community.MyCommunities;
import io.guildhall.gateway.portal.event.EventDetail;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.UUID;

/**
 * The lead's and the organiser's pages open only for those who may act on them: a community's lead page for its
 * leads, an event's organiser pages for its organiser, both for admins. Anyone else gets the friendly 403 page
 * (PortalPageAdvice), not a page of forms they cannot use and sections "that cannot be shown right now". The
 * services still decide every action; this only keeps the pages honest.
 */
@Component
public class PortalGuard {

    private final ApiClient api;

    public PortalGuard(ApiClient api) {
        this.api = api;
    }

    /** Completes when the signed-in person leads {@code community} (or is an admin); else a 403 refusal. */
    public Mono<Void> leads(UUID community, ServerWebExchange exchange) {
        return user(exchange).flatMap(user -> user.isAdmin() ? Mono.<Void>empty()
                : api.object(Service.MEMBERSHIP, MyCommunities.class, "/api/me/communities")
                        .flatMap(mine -> mine.led().stream().anyMatch(m -> community.equals(m.communityId()))
                                ? Mono.<Void>empty()
                                : Mono.error(forbidden(Service.MEMBERSHIP, "Only the community's leads can open its lead page."))));
    }

    /** Like {@link #leads}, and executives too: a community's accountability report is theirs to read. */
    public Mono<Void> leadsOrOversees(UUID community, ServerWebExchange exchange) {
        return user(exchange).flatMap(user -> user.isExecutive() ? Mono.<Void>empty() : leads(community, exchange));
    }

    /** The event, when the signed-in person organises it (or is an admin); else a 403 refusal. */
    public Mono<EventDetail> organises(UUID event, ServerWebExchange exchange) {
        return api.object(Service.EVENT, EventDetail.class, "/api/events/{id}", event)
                .flatMap(detail -> user(exchange).flatMap(user -> user.isAdmin() || user.personId().equals(detail.organiserId())
                        ? Mono.just(detail)
                        : Mono.error(forbidden(Service.EVENT, "Only the event's organiser can manage it."))));
    }

    /**
     * The event, when the signed-in person runs it: its organiser, one of its co-organisers (event-service's list) or
     * an admin; else a 403 refusal. Its attendees and check-in page is theirs; editing and cancelling stay
     * {@link #organises}.
     */
    public Mono<EventDetail> runs(UUID event, ServerWebExchange exchange) {
        return api.object(Service.EVENT, EventDetail.class, "/api/events/{id}", event)
                .flatMap(detail -> user(exchange).flatMap(user -> user.isAdmin() || user.personId().equals(detail.organiserId())
                        ? Mono.just(detail)
                        : api.object(Service.EVENT, "/api/events/{id}/co-organisers", event)
                                .flatMap(list -> list.get("coOrganisers") instanceof java.util.List<?> people
                                        && people.contains(user.personId())
                                        ? Mono.just(detail)
                                        : Mono.error(forbidden(Service.EVENT, "Only the event's organiser and co-organisers can manage it.")))));
    }

    private static Mono<PortalUser> user(ServerWebExchange exchange) {
        return exchange.getPrincipal().filter(Authentication.class::isInstance)
                .map(principal -> PortalUser.of((Authentication) principal));
    }

    private static ApiProblemException forbidden(Service decidedBy, String why) {
        return new ApiProblemException(decidedBy, 403, "Not allowed", why, Map.of());
    }
}
