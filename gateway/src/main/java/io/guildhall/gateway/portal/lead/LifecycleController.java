package io.guildhall.gateway.portal.lead;

import io.guildhall.gateway.portal.PortalGuard;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * A lead's answer to a community gone quiet (issue 17): renew it (active again, its 90 days counted from now) or
 * archive it (for good, its history kept). community-service decides; plain form posts, back to the lead page, or
 * to the community's page once it is archived.
 */
@Controller
public class LifecycleController {

    private final ApiClient api;
    private final PortalGuard guard;

    public LifecycleController(ApiClient api, PortalGuard guard) {
        this.api = api;
        this.guard = guard;
    }

    @PostMapping("/lead/communities/{id:[0-9a-fA-F-]{36}}/renew")
    public Mono<String> renew(@PathVariable UUID id, ServerWebExchange exchange) {
        return guard.leads(id, exchange)
                .then(api.post(Service.COMMUNITY, "/api/communities/{id}/renew", null, id))
                .thenReturn("redirect:/lead/communities/" + id + "?renewed")
                .onErrorResume(ApiProblemException.class, e -> e.status() == 409
                        ? Mono.just("redirect:/lead/communities/" + id) : Mono.error(e));
    }

    @PostMapping("/lead/communities/{id:[0-9a-fA-F-]{36}}/archive")
    public Mono<String> archive(@PathVariable UUID id, ServerWebExchange exchange) {
        return guard.leads(id, exchange)
                .then(api.post(Service.COMMUNITY, "/api/communities/{id}/archive", null, id))
                .thenReturn("redirect:/communities/" + id);
    }
}
