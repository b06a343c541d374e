package io.guildhall.contracts.topics;

import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicDeclarationTest {

    @Test
    void every_topic_of_the_catalogue_and_its_dead_letter_topic_is_declared_keeping_history_for_ever() {
        List<TopicDeclaration> all = TopicDeclaration.all(TopicDeclaration.Settings.development());
        List<String> names = all.stream().map(TopicDeclaration::name).toList();
        assertEquals(2 * EventCatalog.topics().size(), names.size());
        for (String topic : EventCatalog.topics()) {
            assertTrue(names.contains(topic), topic);
            assertTrue(names.contains(Topics.deadLetterOf(topic)), Topics.deadLetterOf(topic));
        }
        for (String topic : List.of(Topics.EVENT, Topics.PERSON, Topics.COMMUNITY, Topics.MEMBERSHIP, Topics.CONTRIBUTION)) {
            assertTrue(names.contains(topic), topic);
        }
        for (TopicDeclaration t : all) {
            assertEquals(3, t.partitions());
            assertEquals(-1, t.retentionMs());
            assertEquals("-1", t.configs().get("retention.ms"));
            assertEquals("delete", t.configs().get("cleanup.policy"));
            assertEquals("1", t.configs().get("min.insync.replicas"));
        }
    }

    @Test
    void production_settings_are_three_copies_two_in_sync() {
        for (TopicDeclaration t : TopicDeclaration.all(TopicDeclaration.Settings.production())) {
            assertEquals(3, t.replicationFactor());
            assertEquals(2, t.minInsyncReplicas());
        }
    }

    @Test
    void a_retention_under_thirteen_months_is_refused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TopicDeclaration.all(new TopicDeclaration.Settings(3, (short) 1, 1, Duration.ofDays(7))));
        assertTrue(refused.getMessage().contains("13 months"), refused.getMessage());
        for (TopicDeclaration t : TopicDeclaration.all(new TopicDeclaration.Settings(3, (short) 1, 1, Duration.ofDays(400)))) {
            assertEquals(Duration.ofDays(400).toMillis(), t.retentionMs());
        }
    }

    @Test
    void min_insync_replicas_cannot_exceed_the_copies() {
        assertThrows(IllegalArgumentException.class, () -> new TopicDeclaration("t", 3, (short) 1, 2, null, "delete"));
    }

    @Test
    void shorter_compares_retentions_with_for_ever_as_minus_one() {
        assertTrue(TopicProvisioner.shorter(604_800_000L, -1));
        assertFalse(TopicProvisioner.shorter(-1, -1));
        assertFalse(TopicProvisioner.shorter(-1, 1000));
        assertTrue(TopicProvisioner.shorter(999, 1000));
        assertFalse(TopicProvisioner.shorter(1000, 1000));
    }
}
