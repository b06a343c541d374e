package io.guildhall.community.community;

import io.guildhall.support.web.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommunityLifecycleRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private final Community active = Community.found(UUID.randomUUID(), "Quiet Circle", "Tea", "tea", null, null, null, null,
            "grace", NOW.minusSeconds(86_400L * 100)).community().withVersion(3);

    @Test
    void an_active_community_becomes_inactive_and_a_renewal_makes_it_active_again() {
        Community.BecameInactive inactive = active.becomeInactive(NOW.minusSeconds(86_400L * 95), 90, NOW);
        assertThat(inactive.community().status()).isEqualTo(CommunityStatus.INACTIVE);
        assertThat(inactive.community().updatedAt()).isEqualTo(NOW);
        assertThat(inactive.event().inactiveAfterDays()).isEqualTo(90);
        Community.Renewed renewed = inactive.community().renew("grace", NOW);
        assertThat(renewed.community().status()).isEqualTo(CommunityStatus.ACTIVE);
        assertThat(renewed.event().renewedBy()).isEqualTo("grace");
        assertThat(inactive.community().renew(null, NOW).event().renewedBy()).isNull();
    }

    @Test
    void only_an_inactive_community_is_renewed_and_only_an_active_one_becomes_inactive() {
        assertThatThrownBy(() -> active.renew("grace", NOW)).isInstanceOf(ConflictException.class).hasMessageContaining("active");
        Community archived = active.archive("grace", NOW).community();
        assertThatThrownBy(() -> archived.renew("grace", NOW)).isInstanceOf(ConflictException.class).hasMessageContaining("archived");
        assertThatThrownBy(() -> archived.becomeInactive(NOW, 90, NOW)).isInstanceOf(ConflictException.class);
        // An inactive community is still edited and archived like an active one.
        Community inactive = active.becomeInactive(NOW, 90, NOW).community();
        assertThat(inactive.archive("grace", NOW).community().isArchived()).isTrue();
        assertThat(inactive.update("New name", null, null, null, null, null, null, "grace", NOW).community().name())
                .isEqualTo("New name");
    }
}
