package io.guildhall.community.community;

import io.guildhall.support.security.CurrentPerson;
import io.guildhall.support.security.SecurityAutoConfiguration;
import io.guildhall.support.web.WebSupportAutoConfiguration;
import io.guildhall.testsupport.spring.SliceTokens;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The community API's web layer alone (a slice: no database, broker or Keycloak; about a second): who may call it,
 * what bad input gets back, and what a good request hands to the service. The service is a Mockito stand-in, which
 * only a test of this layer may use; {@code FoundCommunityIT} and {@code CommunityLifecycleIT} run the same requests
 * through the real stack with Keycloak's tokens.
 */
@WebFluxTest(CommunityController.class)
@ImportAutoConfiguration({SecurityAutoConfiguration.class, WebSupportAutoConfiguration.class})
@Import(SliceTokens.class)
class CommunityControllerSliceTest {

    private static final String ADA = "ada-id";

    @Autowired
    WebTestClient client;

    @MockitoBean
    CommunityService service;

    @MockitoBean
    LeadService leads;

    @MockitoBean
    CommunityLifecycle lifecycle;

    @Test
    void anonymous_callers_get_a_401_problem() {
        client.get().uri("/api/communities").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        verifyNoInteractions(service);
    }

    @Test
    void an_executive_may_read_but_not_found_a_community() {
        client.post().uri("/api/communities").header(HttpHeaders.AUTHORIZATION, SliceTokens.of("kat", "executive"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Rustaceans", "description", "Rust", "practiceArea", "rust"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        verifyNoInteractions(service);
    }

    @Test
    void every_wrong_field_is_named_in_one_answer_and_nothing_reaches_the_service() {
        client.post().uri("/api/communities").header(HttpHeaders.AUTHORIZATION, SliceTokens.of(ADA, "employee"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", " ", "practiceArea", "x".repeat(61), "sponsorId", "s".repeat(65)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertEquals(
                        List.of("description", "name", "practiceArea", "sponsorId"),
                        ((List<?>) fields).stream().map(Object::toString).sorted().toList()));
        verifyNoInteractions(service);
    }

    @Test
    void a_wrong_sort_key_is_named() {
        client.get().uri("/api/communities?sort=members&size=0")
                .header(HttpHeaders.AUTHORIZATION, SliceTokens.of(ADA, "employee"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertEquals(List.of("size", "sort"),
                        ((List<?>) fields).stream().map(Object::toString).sorted().toList()));
        verifyNoInteractions(service);
    }

    @Test
    void an_employee_founds_a_community_and_gets_its_address_and_version() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        when(service.found(any(), any())).thenReturn(Mono.just(new CommunityView(id, "rustaceans", "Rustaceans",
                "Rust", "rust", Visibility.OPEN, null, null, List.of(ADA), CommunityStatus.ACTIVE, ADA, now, now,
                null, null, 0, List.of())));

        client.post().uri("/api/communities").header(HttpHeaders.AUTHORIZATION, SliceTokens.of(ADA, "employee"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Rustaceans", "description", "Rust", "practiceArea", "rust"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/communities/" + id)
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody().jsonPath("$.leads[0]").isEqualTo(ADA);

        ArgumentCaptor<CreateCommunityRequest> request = ArgumentCaptor.forClass(CreateCommunityRequest.class);
        ArgumentCaptor<CurrentPerson> founder = ArgumentCaptor.forClass(CurrentPerson.class);
        verify(service).found(request.capture(), founder.capture());
        assertEquals("Rustaceans", request.getValue().name());
        assertEquals(ADA, founder.getValue().personId());
    }
}
