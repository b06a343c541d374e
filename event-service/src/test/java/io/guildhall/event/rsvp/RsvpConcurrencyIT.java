package io.guildhall.event.rsvp;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.Topics;
import io.guildhall.contracts.event.RsvpStatus;
import io.guildhall.event.EventServiceApplication;
import io.guildhall.event.EventServiceITBase;
import io.guildhall.testsupport.TopicClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

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
 * A hot event: 1,000 people answer GOING at once for 100 seats, half of them through a second instance of
 * event-service on the same database (its own decision queue, pool and outbox relay), as two replicas behind the
 * gateway would. Seats, waitlist and publication are checked against the database and the topic. The demo realm has
 * too few users for HTTP; the burst over HTTP with real users is the benchmark's ({@code infra/benchmarks/run burst}).
 */
class RsvpConcurrencyIT extends EventServiceITBase {

    static final int PEOPLE = 1000;
    static final int SEATS = 100;

    static ConfigurableApplicationContext secondInstance;

    @Autowired
    RsvpService rsvps;

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    static double decisions(MeterRegistry registry, String outcome) {
        return registry.get(RsvpService.DECISIONS_METRIC).tag("outcome", outcome).counter().count();
    }

    static RsvpService second() {
        if (secondInstance == null) {
            List<String> properties = new ArrayList<>();
            stack.serviceEnvironment(DATABASE).forEach((name, value) -> properties.add(name + "=" + value));
            properties.add("server.port=0");
            secondInstance = new SpringApplicationBuilder(EventServiceApplication.class)
                    .properties(properties.toArray(String[]::new)).run();
        }
        return secondInstance.getBean(RsvpService.class);
    }

    @Test
    void a_thousand_simultaneous_answers_over_two_instances_fill_exactly_the_seats_queue_the_rest_and_publish_each_once_in_order() {
        RsvpService other = second();
        String id = create("grace", event("Hot event", Instant.now().plus(Duration.ofDays(3)), SEATS));
        UUID event = UUID.fromString(id);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        MeterRegistry otherMeters = secondInstance.getBean(MeterRegistry.class);
        double goingBefore = decisions(meters, "going") + decisions(otherMeters, "going");
        double waitlistedBefore = decisions(meters, "waitlisted") + decisions(otherMeters, "waitlisted");

        long started = System.nanoTime();
        List<RsvpView> answers = Flux.range(0, PEOPLE)
                .flatMap(i -> Mono.defer(() -> {
                    long t0 = System.nanoTime();
                    return (i % 2 == 0 ? rsvps : other).answer(event, RsvpRequest.Answer.GOING, "person-" + i)
                            .doOnSuccess(v -> latencies.add(System.nanoTime() - t0));
                }), PEOPLE)
                .collectList().block(Duration.ofMinutes(2));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(answers).hasSize(PEOPLE);
        Map<RsvpStatus, Long> byStatus = answers.stream().collect(Collectors.groupingBy(RsvpView::status, Collectors.counting()));
        assertThat(byStatus).containsEntry(RsvpStatus.GOING, (long) SEATS).containsEntry(RsvpStatus.WAITLISTED, (long) PEOPLE - SEATS);
        // guildhall_rsvp_decisions_total counts each committed decision once, on the instance that took it.
        assertThat(decisions(meters, "going") + decisions(otherMeters, "going") - goingBefore).isEqualTo(SEATS);
        assertThat(decisions(meters, "waitlisted") + decisions(otherMeters, "waitlisted") - waitlistedBefore)
                .isEqualTo(PEOPLE - SEATS);
        assertThat(answers.stream().filter(a -> a.status() == RsvpStatus.WAITLISTED).map(RsvpView::position).sorted())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, PEOPLE - SEATS).boxed().toList());
        assertThat(count("SELECT count(*) FROM rsvp WHERE event_id = :id AND status = 'GOING'", event)).isEqualTo(SEATS);

        // Order kept: the seats went to the first decisions, the queue follows the decision order, and the position
        // each person was told is their place in it.
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

        // Published by the two relays: every decision once, in decision order, the waitlist positions 1..900.
        long burstEnded = System.nanoTime();
        List<ConsumerRecord<String, byte[]>> published = TopicClient.awaitKeyed(stack.kafkaBootstrapServers(), Topics.EVENT,
                id, found -> found.size() >= PEOPLE + 1, Duration.ofSeconds(60));
        double publishedAfter = (System.nanoTime() - burstEnded) / 1e9;
        List<ConsumerRecord<String, byte[]>> decisions = published.stream()
                .filter(r -> TopicClient.header(r, CloudEventHeaders.TYPE).contains(".rsvp-")).toList();
        assertThat(decisions).hasSize(PEOPLE);
        assertThat(decisions.stream().map(r -> TopicClient.header(r, CloudEventHeaders.ID)).distinct()).hasSize(PEOPLE);
        List<JsonNode> payloads = decisions.stream().map(r -> JSON.readTree(r.value())).toList();
        assertThat(payloads.stream().map(p -> p.get("personId").asString()).toList())
                .containsExactlyElementsOf(rows.stream().map(r -> (String) r.get("person_id")).toList());
        assertThat(decisions.subList(0, SEATS)).allMatch(r -> TopicClient.header(r, CloudEventHeaders.TYPE).equals("guildhall.event.rsvp-confirmed.v1"));
        assertThat(payloads.subList(SEATS, PEOPLE).stream().map(p -> p.get("position").asInt()).toList())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, PEOPLE - SEATS).boxed().toList());

        // A seat freed: the first in the queue, and only they, move up.
        String first = (String) rows.get(SEATS).get("person_id");
        rsvps.withdraw(event, (String) rows.get(0).get("person_id")).block();
        assertThat(other.mine(event, first).block().status()).isEqualTo(RsvpStatus.GOING);
        assertThat(rsvps.mine(event, (String) rows.get(SEATS + 1).get("person_id")).block().position()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM rsvp WHERE event_id = :id AND status = 'GOING'", event)).isEqualTo(SEATS);

        // Figures for the curious; the benchmark is where they are measured and compared.
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("RSVP burst over two instances: %d answers in %.2f s = %.0f/s; p50 %.1f ms, p99 %.1f ms; "
                        + "all on Kafka %.2f s after the last decision%n",
                PEOPLE, seconds, PEOPLE / seconds, sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6, publishedAfter);
    }
}
