package io.guildhall.gateway.portal.event;

import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.community.CommunityDetail;
import io.guildhall.gateway.portal.community.CommunityPage;
import reactor.core.publisher.Mono;

import java.util.List;

/** The active communities, for the events pages' community filter and the organiser's community choice. */
public final class Communities {

    private Communities() {
    }

    public static Mono<List<CommunityDetail>> all(ApiClient api) {
        return api.object(Service.COMMUNITY, CommunityPage.class,
                        uri -> uri.path("/api/communities").queryParam("size", 100).build())
                .map(page -> page.items() == null ? List.of() : page.items());
    }

    /** Those among them that {@code personId} leads: the only ones whose events they may schedule. */
    public static Mono<List<CommunityDetail>> ledBy(ApiClient api, String personId) {
        return all(api).map(communities -> communities.stream().filter(c -> c.isLedBy(personId)).toList());
    }
}
