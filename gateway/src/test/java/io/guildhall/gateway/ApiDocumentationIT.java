package io.guildhall.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One documentation page lists every service's OpenAPI document, fetched through the gateway's routes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocumentationIT {

    @LocalServerPort
    int port;

    @Test
    void the_documentation_page_names_every_service() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[?(@.name == 'community-service')].url").isEqualTo("/api-docs/community")
                .jsonPath("$.urls[?(@.name == 'event-service')].url").isEqualTo("/api-docs/event")
                .jsonPath("$.urls[?(@.name == 'membership-service')].url").isEqualTo("/api-docs/membership")
                .jsonPath("$.urls[?(@.name == 'analytics-service')].url").isEqualTo("/api-docs/analytics");
    }
}
