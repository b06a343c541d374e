package io.guildhall.gateway.portal.community;

import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.FormErrors;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Finding a community: text search, practice area and status filters, pages of 12. The same URL renders the
 * whole page or, for htmx (typing in the search box), only the results, so the address bar always holds a
 * shareable search.
 */
@Controller
public class CommunitiesController {

    static final int PAGE_SIZE = 12;

    private final ApiClient api;

    public CommunitiesController(ApiClient api) {
        this.api = api;
    }

    @GetMapping("/communities")
    public Mono<String> list(@RequestParam(required = false) String q,
                             @RequestParam(required = false) String practiceArea,
                             @RequestParam(required = false) String status,
                             @RequestParam(defaultValue = "0") String page,
                             @RequestHeader(value = "HX-Request", required = false) String htmx,
                             Model model, ServerWebExchange exchange) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("q", q == null ? "" : q.trim());
        form.put("practiceArea", practiceArea == null ? "" : practiceArea.trim());
        form.put("status", "ARCHIVED".equals(status) ? "ARCHIVED" : "ACTIVE");
        model.addAttribute("form", form);
        String view = htmx != null ? "communities/list :: results" : "communities/list";
        int pageNumber;
        try {
            pageNumber = Math.max(0, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            model.addAttribute("errors", FormErrors.field("page", "must be a whole number"));
            model.addAttribute("result", CommunityPage.NONE);
            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
            return Mono.just(view);
        }
        model.addAttribute("errors", FormErrors.none());
        return api.object(Service.COMMUNITY, CommunityPage.class, uri -> {
                    uri.path("/api/communities").queryParam("page", pageNumber).queryParam("size", PAGE_SIZE)
                            .queryParam("status", form.get("status"));
                    if (!form.get("q").isEmpty()) {
                        uri.queryParam("q", form.get("q"));
                    }
                    if (!form.get("practiceArea").isEmpty()) {
                        uri.queryParam("practiceArea", form.get("practiceArea"));
                    }
                    return uri.build();
                })
                .map(result -> {
                    model.addAttribute("result", result);
                    model.addAttribute("page", pageNumber);
                    return view;
                })
                .onErrorResume(ApiProblemException.class, problem -> {
                    // A filter the service refuses (too long, say): the message goes next to that filter.
                    model.addAttribute("errors", FormErrors.of(problem, Map.of(), Set.of("q", "practiceArea", "status", "page")));
                    model.addAttribute("result", CommunityPage.NONE);
                    exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                    return Mono.just(view);
                });
    }
}
