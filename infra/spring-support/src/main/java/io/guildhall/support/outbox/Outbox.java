package io.guildhall.support.outbox;

import io.guildhall.contracts.CloudEventHeaders;
import io.guildhall.contracts.EventCatalog;
import io.guildhall.contracts.EventType;
import io.guildhall.contracts.GuildhallEvent;
import io.guildhall.support.messaging.Traceparent;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records events in the outbox table. Call it inside the transaction of the business write: the
 * {@link DatabaseClient} joins the caller's reactive transaction, so the write and its events commit
 * or roll back together. The {@link OutboxRelay} publishes them afterwards, in the order they were appended.
 * Several events go in with one multi-row statement ({@link #appendAll}, {@link #appendTraced}).
 */
public class Outbox {

    /** Rows per INSERT statement: 9 parameters each, far below PostgreSQL's 65,535. */
    private static final int ROWS_PER_STATEMENT = 500;

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

    /** An event with the traceparent of the request that caused it (a batch decides many requests at once). */
    public record Traced(GuildhallEvent event, String traceparent) {
    }

    public Mono<Void> append(GuildhallEvent event) {
        return appendAll(List.of(event));
    }

    /** Appends the events in order, all under the current request's traceparent. */
    public Mono<Void> appendAll(List<? extends GuildhallEvent> events) {
        return Mono.deferContextual(context -> {
            String traceparent = context.getOrEmpty(Traceparent.CONTEXT_KEY).map(Object::toString)
                    .orElseGet(Traceparent::startNew);
            return appendTraced(events.stream().map(e -> new Traced(e, traceparent)).toList());
        });
    }

    /** Appends the events in order, each under its own traceparent. */
    public Mono<Void> appendTraced(List<Traced> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        Mono<Void> all = Mono.empty();
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            List<Traced> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
            all = all.then(Mono.defer(() -> insert(chunk)));
        }
        return all;
    }

    private Mono<Void> insert(List<Traced> events) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO guildhall_outbox
                    (event_id, topic, message_key, ce_type, ce_source, ce_time, ce_subject, traceparent, payload)
                VALUES""");
        List<Object[]> binds = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Traced traced = events.get(i);
            GuildhallEvent event = traced.event();
            EventType<?> type = EventCatalog.of(event.getClass());
            CloudEventHeaders headers = CloudEventHeaders.newEvent(type, source, event.aggregateId(), clock.instant(),
                    Traceparent.continueOrStart(traced.traceparent()));
            sql.append(i == 0 ? " " : ", ").append("(:id%1$d, :topic%1$d, :key%1$d, :type%1$d, :source%1$d, :time%1$d, :subject%1$d, :tp%1$d, :payload%1$d)".formatted(i));
            binds.add(new Object[]{"id" + i, UUID.fromString(headers.id())});
            binds.add(new Object[]{"topic" + i, type.topic()});
            binds.add(new Object[]{"key" + i, event.aggregateId()});
            binds.add(new Object[]{"type" + i, headers.type()});
            binds.add(new Object[]{"source" + i, headers.source()});
            binds.add(new Object[]{"time" + i, OffsetDateTime.ofInstant(headers.time(), ZoneOffset.UTC)});
            binds.add(new Object[]{"subject" + i, headers.subject()});
            binds.add(new Object[]{"tp" + i, headers.traceparent()});
            binds.add(new Object[]{"payload" + i, json.writeValueAsBytes(event)});
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Object[] bind : binds) {
            spec = spec.bind((String) bind[0], bind[1]);
        }
        return spec.then();
    }
}
