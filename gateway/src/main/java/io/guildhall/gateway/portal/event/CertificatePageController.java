package io.guildhall.gateway.portal.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.guildhall.gateway.portal.api.ApiClient;
import io.guildhall.gateway.portal.api.ApiProblemException;
import io.guildhall.gateway.portal.api.Service;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.LocalDate;

/**
 * Checking a certificate of attendance (issue 17), without signing in: the code printed on it gives the name, the
 * training and the date (event-service's public {@code GET /api/certificates/{code}}), nothing more.
 */
@Controller
public class CertificatePageController {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Verified(String name, String training, LocalDate date) {
    }

    private final ApiClient api;

    public CertificatePageController(ApiClient api) {
        this.api = api;
    }

    @GetMapping("/certificates")
    public Mono<String> form(@RequestParam(required = false) String code) {
        return Mono.just(code == null || code.isBlank() ? "events/certificate"
                : "redirect:/certificates/" + code.trim().replaceAll("[^A-Za-z0-9-]", ""));
    }

    @GetMapping("/certificates/{code}")
    public Mono<String> verify(@PathVariable String code, Model model, ServerWebExchange exchange) {
        model.addAttribute("code", code);
        return api.object(Service.EVENT, Verified.class, "/api/certificates/{code}", code)
                .doOnNext(verified -> model.addAttribute("verified", verified))
                .thenReturn("events/certificate")
                .onErrorResume(ApiProblemException.class, e -> {
                    if (e.status() != 404) {
                        return Mono.error(e);
                    }
                    exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
                    model.addAttribute("unknown", true);
                    return Mono.just("events/certificate");
                });
    }
}
