package io.guildhall.analytics.observability;

import io.guildhall.contracts.CloudEventHeaders;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.List;

/**
 * A CONSUMER span for each change analytics counted in its ledger (the live read model), child of the span the
 * record's {@code traceparent} names: the outbox's producer span, itself under the request that decided the
 * change. So one RSVP reads as one trace from the gateway to this commit.
 */
@Singleton
public class LedgerSpans {

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;
    private final boolean on;

    public LedgerSpans(TracingFactory.OpenTelemetryHolder telemetry) {
        this.tracer = telemetry.openTelemetry().getTracer("io.guildhall.analytics");
        this.on = telemetry.tracers() != null;
    }

    /**
     * Puts the trace of a record's traceparent into the log lines' MDC ({@code traceId}, {@code spanId}, as the
     * Spring services write them) until closed; a missing or malformed traceparent adds nothing.
     */
    public static InLogs inLogs(String traceparent) {
        if (traceparent == null || !traceparent.matches("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")) {
            return () -> { };
        }
        MDC.put("traceId", traceparent.substring(3, 35));
        MDC.put("spanId", traceparent.substring(36, 52));
        return () -> {
            MDC.remove("traceId");
            MDC.remove("spanId");
        };
    }

    /** What {@link #inLogs} returns: closing it takes the trace out of the MDC again. */
    public interface InLogs extends AutoCloseable {
        @Override
        void close();
    }

    /** The change was committed: its span runs from when its batch began to now. */
    public void counted(CloudEventHeaders headers, ConsumerRecord<?, ?> record, Instant batchBegan) {
        if (!on) {
            return;
        }
        Context parent = headers.traceparent() == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), headers.traceparent(), TRACEPARENT);
        Span span = tracer.spanBuilder("count " + headers.type())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setStartTimestamp(batchBegan)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("cloudevents.event_type", headers.type())
                .setAttribute("cloudevents.event_id", headers.id())
                .startSpan();
        span.end();
    }
}
