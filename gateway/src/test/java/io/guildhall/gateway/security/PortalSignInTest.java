package io.guildhall.gateway.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortalSignInTest {

    @Test
    void the_page_an_htmx_call_came_from_becomes_a_path_of_this_site() {
        assertThat(PortalSignIn.sameOriginPath("http://127.0.0.1:8080/communities?q=jvm")).isEqualTo("/communities?q=jvm");
        assertThat(PortalSignIn.sameOriginPath("/me")).isEqualTo("/me");
    }

    @Test
    void anything_that_could_leave_the_site_becomes_the_home_page() {
        assertThat(PortalSignIn.sameOriginPath(null)).isEqualTo("/");
        assertThat(PortalSignIn.sameOriginPath("http://evil.example")).isEqualTo("/");
        assertThat(PortalSignIn.sameOriginPath("//evil.example/x")).isEqualTo("/");
        assertThat(PortalSignIn.sameOriginPath("javascript:alert(1)")).isEqualTo("/");
    }
}
