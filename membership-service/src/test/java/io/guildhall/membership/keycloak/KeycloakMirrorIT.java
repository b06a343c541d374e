package io.guildhall.membership.keycloak;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.community.LeadAssigned;
import io.guildhall.contracts.community.LeadRemoved;
import io.guildhall.membership.KeycloakTestUsers.TestUser;
import io.guildhall.membership.MembershipServiceIT;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Leadership and membership mirrored into the real Keycloak: realm role community-lead and /communities/<slug>. */
class KeycloakMirrorIT extends MembershipServiceIT {

    @Autowired
    KeycloakSyncWorker worker;
    @Autowired
    KeycloakCalls calls;
    @Autowired
    MeterRegistry meters;

    @Test
    void leads_get_and_lose_the_realm_role_and_members_are_in_the_group_even_when_an_event_is_redelivered() {
        TestUser founder = keycloak.create("founder", Map.of());
        TestUser colead = keycloak.create("colead", Map.of());
        UUID community = found(founder.id(), "OPEN");
        String group = "/communities/" + slugOf(db, community);
        worker.processDue().block();
        assertThat(keycloak.hasRealmRole(founder.id(), "community-lead")).isTrue();
        assertThat(keycloak.groupPaths(founder.id())).contains(group);

        LeadAssigned assigned = new LeadAssigned(community, colead.id(), founder.id(), Instant.now());
        CloudEventHeaders headers = CloudEventHeaders.newEvent(EventCatalog.LEAD_ASSIGNED, "/community-service",
                community.toString(), Instant.now(), null);
        publishCommunityEvent(assigned, headers);
        publishCommunityEvent(assigned, headers);
        await("co-lead replicated").atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM membership WHERE person_id = :p AND role = 'LEAD'",
                Map.of("p", colead.id())) == 1);
        await("redelivery recorded once").atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM guildhall_processed_event WHERE event_id = :e",
                Map.of("e", headers.id())) == 1);
        worker.processDue().block();
        assertThat(keycloak.hasRealmRole(colead.id(), "community-lead")).isTrue();
        assertThat(keycloak.groupPaths(colead.id())).contains(group);
        assertThat(recorded(community.toString(), "guildhall.membership.joined.v1"))
                .filteredOn(json -> json.contains(colead.id())).hasSize(1).allMatch(json -> json.contains("LEAD_ASSIGNED"));

        publishCommunityEvent(new LeadRemoved(community, colead.id(), founder.id(), Instant.now()));
        await("co-lead is a member again").atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM membership WHERE person_id = :p AND role = 'MEMBER' "
                + "AND left_at IS NULL", Map.of("p", colead.id())) == 1);
        worker.processDue().block();
        assertThat(keycloak.hasRealmRole(colead.id(), "community-lead")).isFalse();
        assertThat(keycloak.hasRealmRole(founder.id(), "community-lead")).isTrue();
        assertThat(keycloak.groupPaths(colead.id())).contains(group);
        assertThat(recorded(community.toString(), "guildhall.membership.role-changed.v1"))
                .anyMatch(json -> json.contains(colead.id()) && json.contains("\"role\":\"MEMBER\""));
    }

    @Test
    void keycloak_being_unreachable_delays_the_mirror_visibly_and_loses_nothing() {
        TestUser founder = keycloak.create("outage", Map.of());
        UUID community = found(founder.id(), "OPEN");
        double failuresBefore = meters.counter("guildhall.keycloak.sync.failures").count();

        try (Keycloak unreachable = KeycloakBuilder.builder().serverUrl("http://127.0.0.1:9").realm("guildhall")
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId("guildhall-membership")
                .clientSecret("guildhall-membership-secret").build()) {
            KeycloakSyncWorker down = new KeycloakSyncWorker(new KeycloakSyncStore(db), new KeycloakMirror(unreachable.realm("guildhall")), calls,
                    new KeycloakSyncSettings(Duration.ofHours(1), 20, Duration.ofSeconds(1)), Clock.systemUTC(), meters);
            down.processDue().block();
        }
        assertThat(meters.counter("guildhall.keycloak.sync.failures").count()).isGreaterThan(failuresBefore);
        assertThat(count("SELECT count(*) FROM keycloak_sync WHERE person_id = :p AND done_at IS NULL AND attempts = 1 "
                + "AND last_error IS NOT NULL", Map.of("p", founder.id()))).isEqualTo(2);
        assertThat(keycloak.hasRealmRole(founder.id(), "community-lead")).isFalse();

        await("retry due").atMost(Duration.ofSeconds(30)).until(() -> {
            worker.processDue().block();
            return count("SELECT count(*) FROM keycloak_sync WHERE person_id = :p AND done_at IS NULL",
                    Map.of("p", founder.id())) == 0;
        });
        assertThat(keycloak.hasRealmRole(founder.id(), "community-lead")).isTrue();
        assertThat(keycloak.groupPaths(founder.id())).contains("/communities/" + slugOf(db, community));
        client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(text -> assertThat(text).contains("guildhall_keycloak_sync_pending")
                        .contains("guildhall_keycloak_sync_failures_total"));
    }
}
