package io.guildhall.gateway.portal.lead;

import io.guildhall.gateway.portal.PortalGuard;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.FormErrors;
import io.guildhall.gateway.portal.api.Service;
import io.guildhall.gateway.portal.community.CommunityDetail;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A lead lists where the community talks (issue 17): channels added and removed on the lead page, each change a
 * PATCH of the community's whole list with If-Match, so that two leads editing at once do not lose a channel.
 * community-service decides (addresses, at most 10, no duplicates); its refusals are said in plain words at the
 * field. In place with htmx, and by plain form posts without it.
 */
@Controller
public class ChannelsController {

    static final String FRAGMENT = "lead/community :: channels";
    static final Map<String, String> LABELS = Map.of("channelKind", "Kind of channel", "channelUrl", "Address");

    private final ApiClient api;
    private final PortalGuard guard;
    private final LeadController pages;

    public ChannelsController(ApiClient api, PortalGuard guard, LeadController pages) {
        this.api = api;
        this.guard = guard;
        this.pages = pages;
    }

    @PostMapping("/lead/communities/{id:[0-9a-fA-F-]{36}}/channels")
    public Mono<String> add(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String kind = text(form.getFirst("channelKind"));
            String url = text(form.getFirst("channelUrl"));
            model.addAttribute("channelForm", Map.of("channelKind", kind, "channelUrl", url));
            return change(id, channels -> {
                Map<String, Object> added = new LinkedHashMap<>();
                added.put("kind", kind.isEmpty() ? null : kind);
                added.put("url", url);
                channels.add(added);
            }, "Channel added.", exchange, model);
        });
    }

    @PostMapping("/lead/communities/{id:[0-9a-fA-F-]{36}}/channels/{index:\\d{1,2}}/remove")
    public Mono<String> remove(@PathVariable UUID id, @PathVariable int index, ServerWebExchange exchange, Model model) {
        return change(id, channels -> {
            if (index < channels.size()) {
                channels.remove(index);
            }
        }, "Channel removed.", exchange, model);
    }

    private Mono<String> change(UUID id, java.util.function.Consumer<List<Map<String, Object>>> edit, String done,
                                ServerWebExchange exchange, Model model) {
        boolean htmx = exchange.getRequest().getHeaders().containsHeader("HX-Request");
        Mono<FormErrors> outcome = guard.leads(id, exchange)
                .then(api.call(Service.COMMUNITY, HttpMethod.GET, uri -> uri.path("/api/communities/{id}").build(id), null, Map.of()))
                .flatMap(current -> {
                    CommunityDetail community = api.read(current, CommunityDetail.class);
                    List<Map<String, Object>> channels = new ArrayList<>();
                    community.channels().forEach(c -> channels.add(new LinkedHashMap<>(Map.of("kind", c.kind(), "url", c.url()))));
                    edit.accept(channels);
                    int last = channels.size() - 1;
                    Map<String, Object> patch = new LinkedHashMap<>();
                    patch.put("channels", channels);
                    return api.call(Service.COMMUNITY, HttpMethod.PATCH, uri -> uri.path("/api/communities/{id}").build(id),
                                    patch, current.etag() == null ? Map.of() : Map.of(HttpHeaders.IF_MATCH, current.etag()))
                            .thenReturn(FormErrors.none())
                            .onErrorResume(ApiProblemException.class, e -> e.status() == 401 || e.status() == 403 ? Mono.error(e)
                                    : Mono.just(FormErrors.of(e, Map.of("channels[" + last + "].url", "channelUrl",
                                                    "channels[" + last + "].kind", "channelKind", "channels", "channelUrl"), Set.of("channelKind", "channelUrl"))
                                            .inPlainWords(LABELS)));
                });
        return outcome.flatMap(errors -> {
            if (errors.isEmpty() && !htmx) {
                return Mono.just("redirect:/lead/communities/" + id);
            }
            if (errors.isEmpty()) {
                model.addAttribute("channelsDone", done);
                model.addAttribute("channelForm", Map.of("channelKind", "", "channelUrl", ""));
            } else {
                exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
            }
            model.addAttribute("channelErrors", errors);
            if (!htmx) {
                return pages.page(id, model);
            }
            return api.object(Service.COMMUNITY, CommunityDetail.class, "/api/communities/{id}", id).map(community -> {
                model.addAttribute("community", community);
                return FRAGMENT;
            });
        });
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
