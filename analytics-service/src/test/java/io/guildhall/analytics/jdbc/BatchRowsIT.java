package io.guildhall.analytics.jdbc;

import io.guildhall.analytics.messaging.GuildhallTopics;
import io.guildhall.analytics.messaging.BatchConsumer;
import io.guildhall.analytics.messaging.ReadModelRows;
import io.guildhall.analytics.messaging.Samples;
import io.guildhall.analytics.AnalyticsStack;
import io.guildhall.analytics.person.Pseudonyms;
import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.GuildhallEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.guildhall.analytics.messaging.ReadModelRows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One batch, applied through {@link BatchRows}: an event sees the rows earlier events of its batch changed but did not
 * write yet; a handler that works on the tables directly (an erasure) finds them written, and the events after it
 * find what it changed; the batch's redelivery changes nothing. The records are handed to the consumer as one poll
 * would (never sent to Kafka), so the batch is exactly this list.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchRowsIT implements TestPropertyProvider {

    @Inject
    BatchConsumer consumer;

    private final ReadModelRows db = new ReadModelRows(AnalyticsStack.DATABASE);
    private final List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
    private long offset;

    @Override
    public Map<String, String> getProperties() {
        return AnalyticsStack.properties();
    }

    @Test
    void later_events_of_a_batch_see_earlier_ones_and_an_erasure_in_between_sees_them_written() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.DAYS);
        Samples.Meeting meeting = Samples.Meeting.of(UUID.randomUUID(), "TRAINING", t, 90);
        String organiser = Samples.person();
        String ada = Samples.person();
        String grace = Samples.person();

        add(Samples.scheduled(meeting, organiser, 10, t.minusSeconds(600)), t.minusSeconds(600));
        add(Samples.confirmed(meeting, ada, t.minusSeconds(500)), t.minusSeconds(500));
        add(Samples.declined(meeting, ada, t.minusSeconds(400)), t.minusSeconds(400));
        add(Samples.confirmed(meeting, grace, t.minusSeconds(300)), t.minusSeconds(300));
        add(Samples.attended(meeting, grace, 90, t.plusSeconds(5400)), t.plusSeconds(5400));
        CloudEventHeaders erasure = add(Samples.erased(grace, t.plusSeconds(6000)), t.plusSeconds(6000));
        add(Samples.corrected(meeting, grace, 90, 30, t.plusSeconds(7000)), t.plusSeconds(7000));
        add(Samples.attended(meeting, ada, 45, t.plusSeconds(7100)), t.plusSeconds(7100));

        assertTrue(consumer.consume(batch).isEmpty(), "every record applied");

        String pseudonym = Pseudonyms.forErasure(erasure.id());
        List<List<String>> expectedRsvps = List.of(row(pseudonym, "GOING"), row(ada, "NOT_GOING"));
        List<List<String>> expectedLines = List.of(row(ada, "45"), row(pseudonym, "30"));
        assertEquals(expectedRsvps, rsvps(meeting), "the decline replaced the confirmation; the erasure renamed grace");
        assertEquals(expectedLines, lines(meeting),
                "the correction after the erasure found grace's attendance under her pseudonym");
        assertEquals(List.of(row(organiser, "t")),
                db.query("SELECT organiser_id, scheduled FROM calendar_event WHERE event_id = ?", meeting.eventId()));

        assertTrue(consumer.consume(batch).isEmpty());
        assertEquals(expectedRsvps, rsvps(meeting), "a redelivered batch changes nothing");
        assertEquals(expectedLines, lines(meeting));
    }

    private List<List<String>> rsvps(Samples.Meeting meeting) {
        return db.query("SELECT person_id, status FROM rsvp WHERE event_id = ? ORDER BY status", meeting.eventId());
    }

    private List<List<String>> lines(Samples.Meeting meeting) {
        return db.query("SELECT person_id, minutes FROM participation WHERE event_id = ? ORDER BY minutes DESC",
                meeting.eventId());
    }

    private CloudEventHeaders add(GuildhallEvent event, Instant time) {
        CloudEventHeaders headers = new CloudEventHeaders(UUID.randomUUID().toString(),
                EventCatalog.typeOf(event).type(), "/analytics-test", time, event.aggregateId(), null);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(EventCatalog.typeOf(event).topic(), 0, offset++,
                event.aggregateId(), GuildhallTopics.json(event));
        headers.toKafkaHeaders().forEach((name, value) -> record.headers().add(name, value));
        batch.add(record);
        return headers;
    }
}
