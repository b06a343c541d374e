package io.guildhall.support.outbox;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.EventType;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.support.messaging.Traceparent;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Records events in the outbox table. Call it inside the transaction of the business write: the
 * {@link DatabaseClient} joins the caller's reactive transaction, so the write and its events commit
 * or roll back together. The {@link OutboxRelay} publishes them afterwards.
 */
public class Outbox {

    private final DatabaseClient db;
    private final JsonMapper json;
    private final String source;
    private final Clock clock;

    public Outbox(DatabaseClient db, JsonMapper json, String source, Clock clock) {
        this.db = db;
        this.json = json;
        this.source = source;
        this.clock = clock;
    }

    public Mono<Void> append(GuildhallEvent event) {
        return Mono.deferContextual(context -> {
            EventType<?> type = EventCatalog.of(event.getClass());
            String traceparent = context.getOrEmpty(Traceparent.CONTEXT_KEY).map(Object::toString)
                    .orElseGet(Traceparent::startNew);
            CloudEventHeaders headers = CloudEventHeaders.newEvent(type, source, event.aggregateId(), clock.instant(), traceparent);
            byte[] payload = json.writeValueAsBytes(event);
            return db.sql("""
                            INSERT INTO guildhall_outbox
                                (event_id, topic, message_key, ce_type, ce_source, ce_time, ce_subject, traceparent, payload)
                            VALUES (:eventId, :topic, :key, :type, :source, :time, :subject, :traceparent, :payload)""")
                    .bind("eventId", UUID.fromString(headers.id()))
                    .bind("topic", type.topic())
                    .bind("key", event.aggregateId())
                    .bind("type", headers.type())
                    .bind("source", headers.source())
                    .bind("time", OffsetDateTime.ofInstant(headers.time(), ZoneOffset.UTC))
                    .bind("subject", headers.subject())
                    .bind("traceparent", headers.traceparent())
                    .bind("payload", payload)
                    .then();
        });
    }

    public Mono<Void> appendAll(List<? extends GuildhallEvent> events) {
        return Flux.fromIterable(events).concatMap(this::append).then();
    }
}
