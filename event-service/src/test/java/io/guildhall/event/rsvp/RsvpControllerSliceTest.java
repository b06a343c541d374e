package io.guildhall.event.rsvp;

import io.guildhall.contracts.event.RsvpStatus;
import io.guildhall.support.security.SecurityAutoConfiguration;
import io.guildhall.support.web.WebSupportAutoConfiguration;
import io.guildhall.testsupport.spring.SliceTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The RSVP API's web layer alone (a slice: no database, broker or Keycloak): an answer is always the caller's own,
 * only employees answer, and a wrong body is named field by field before anything is decided. The service is a
 * Mockito stand-in, which only a test of this layer may use; {@code RsvpIT} and {@code RsvpConcurrencyIT} decide
 * real answers with Keycloak's tokens.
 */
@WebFluxTest(RsvpController.class)
@ImportAutoConfiguration({SecurityAutoConfiguration.class, WebSupportAutoConfiguration.class})
@Import(SliceTokens.class)
class RsvpControllerSliceTest {

    private static final String ADA = "ada-id";
    private static final UUID EVENT = UUID.fromString("7d6f0c1e-3f7a-4a8e-9b1e-2c1d3e4f5a6b");

    @Autowired
    WebTestClient client;

    @MockitoBean
    RsvpService service;

    @Test
    void the_answer_is_the_callers_own_and_the_service_gets_the_callers_id() {
        when(service.answer(EVENT, RsvpRequest.Answer.GOING, ADA))
                .thenReturn(Mono.just(new RsvpView(EVENT, ADA, RsvpStatus.WAITLISTED, 3)));

        client.put().uri("/api/events/{id}/rsvp", EVENT).header(HttpHeaders.AUTHORIZATION, SliceTokens.of(ADA, "employee"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "GOING"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("WAITLISTED")
                .jsonPath("$.position").isEqualTo(3);
        verify(service).answer(EVENT, RsvpRequest.Answer.GOING, ADA);
    }

    @Test
    void nobody_answers_for_someone_else() {
        client.put().uri("/api/events/{id}/rsvp", EVENT).header(HttpHeaders.AUTHORIZATION, SliceTokens.of(ADA, "employee"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "GOING", "personId", "grace-id"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        verifyNoInteractions(service);
    }

    @Test
    void a_missing_or_unknown_status_is_named_and_nothing_is_decided() {
        for (Map<String, String> body : List.of(Map.<String, String>of(), Map.of("status", "MAYBE"))) {
            client.put().uri("/api/events/{id}/rsvp", EVENT)
                    .header(HttpHeaders.AUTHORIZATION, SliceTokens.of(ADA, "employee"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        }
        verifyNoInteractions(service);
    }

    @Test
    void only_employees_answer_and_anonymous_callers_are_asked_to_sign_in() {
        client.put().uri("/api/events/{id}/rsvp", EVENT).header(HttpHeaders.AUTHORIZATION, SliceTokens.of("kat", "executive"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "GOING"))
                .exchange()
                .expectStatus().isForbidden();
        client.put().uri("/api/events/{id}/rsvp", EVENT)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "GOING"))
                .exchange()
                .expectStatus().isUnauthorized();
        client.get().uri("/api/events/not-an-id/rsvp").header(HttpHeaders.AUTHORIZATION, SliceTokens.of(ADA, "employee"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
        verifyNoInteractions(service);
    }
}
