package io.guildhall.event.rsvp;

import io.guildhall.contracts.event.RsvpStatus;
import io.guildhall.event.EventServiceITBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hot event: 200 people answer GOING at once for 20 seats, through the service and the real database (the demo
 * realm has three users, too few for HTTP). Measures throughput and latency while at it.
 */
class RsvpConcurrencyIT extends EventServiceITBase {

    static final int PEOPLE = 200;
    static final int SEATS = 20;

    @Autowired
    RsvpService rsvps;

    @Test
    void two_hundred_simultaneous_answers_fill_exactly_twenty_seats_and_queue_the_rest_in_decision_order() {
        String id = create("grace", event("Hot event", Instant.now().plus(Duration.ofDays(3)), SEATS));
        UUID event = UUID.fromString(id);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

        long started = System.nanoTime();
        List<RsvpView> answers = Flux.range(0, PEOPLE)
                .flatMap(i -> Mono.defer(() -> {
                    long t0 = System.nanoTime();
                    return rsvps.answer(event, RsvpRequest.Answer.GOING, "person-" + i)
                            .doOnSuccess(v -> latencies.add(System.nanoTime() - t0));
                }), PEOPLE)
                .collectList().block(Duration.ofMinutes(2));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(answers).hasSize(PEOPLE);
        Map<RsvpStatus, Long> byStatus = answers.stream().collect(Collectors.groupingBy(RsvpView::status, Collectors.counting()));
        assertThat(byStatus).containsEntry(RsvpStatus.GOING, (long) SEATS).containsEntry(RsvpStatus.WAITLISTED, (long) PEOPLE - SEATS);
        assertThat(answers.stream().filter(a -> a.status() == RsvpStatus.WAITLISTED).map(RsvpView::position).sorted())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, PEOPLE - SEATS).boxed().toList());
        assertThat(count("SELECT count(*) FROM rsvp WHERE event_id = :id AND status = 'GOING'", event)).isEqualTo(SEATS);

        // Order kept: the seats went to the first 20 decisions, the queue follows the decision order.
        List<Map<String, Object>> rows = db.sql("SELECT person_id, status FROM rsvp WHERE event_id = :id ORDER BY arrival")
                .bind("id", event).fetch().all().collectList().block();
        assertThat(rows.subList(0, SEATS)).allMatch(r -> "GOING".equals(r.get("status")));
        assertThat(rows.subList(SEATS, PEOPLE)).allMatch(r -> "WAITLISTED".equals(r.get("status")));
        Map<String, Integer> position = answers.stream().filter(a -> a.position() != null)
                .collect(Collectors.toMap(RsvpView::personId, RsvpView::position));
        for (int i = SEATS; i < PEOPLE; i++) {
            assertThat(position.get((String) rows.get(i).get("person_id"))).isEqualTo(i - SEATS + 1);
        }
        assertThat(count("SELECT count(*) FROM guildhall_outbox WHERE message_key = CAST(:id AS TEXT)", event))
                .isEqualTo(PEOPLE + 1);

        // A seat freed: the first in the queue, and only they, move up.
        String first = (String) rows.get(SEATS).get("person_id");
        rsvps.withdraw(event, (String) rows.get(0).get("person_id")).block();
        assertThat(rsvps.mine(event, first).block().status()).isEqualTo(RsvpStatus.GOING);
        assertThat(rsvps.mine(event, (String) rows.get(SEATS + 1).get("person_id")).block().position()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM rsvp WHERE event_id = :id AND status = 'GOING'", event)).isEqualTo(SEATS);

        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("RSVP throughput on the hot event: %d answers in %.2f s = %.0f/s; p50 %.1f ms, p99 %.1f ms%n",
                PEOPLE, seconds, PEOPLE / seconds, sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6);
    }
}
