package io.guildhall.support.outbox;

import io.guildhall.support.messaging.Traceparent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The span of an outbox row's trip to Kafka: a PRODUCER span, child of the span stored with the row (the request
 * that decided the change), whose context the record then carries in its {@code traceparent} header, so that a
 * consumer's span hangs under it. Without Micrometer Tracing the stored traceparent travels on unchanged.
 */
public interface OutboxTracing {

    /** Starts the row's span; the caller ends it with {@link Sending#sent()} or {@link Sending#failed}. */
    Sending start(OutboxRow row);

    /** One row on its way. */
    interface Sending {

        /** What the record's {@code traceparent} header says. */
        String traceparent();

        void sent();

        void failed(Throwable error);
    }

    OutboxTracing NONE = row -> new Sending() {
        @Override
        public String traceparent() {
            return row.headers().traceparent();
        }

        @Override
        public void sent() {
        }

        @Override
        public void failed(Throwable error) {
        }
    };

    /** Spans through Micrometer Tracing (the OpenTelemetry bridge in the services). */
    static OutboxTracing with(Tracer tracer, Propagator propagator) {
        return row -> {
            Span span = propagator.extract(row.headers().traceparent(),
                            (traceparent, key) -> Traceparent.HEADER.equals(key) ? traceparent : null)
                    .kind(Span.Kind.PRODUCER)
                    .name("publish " + row.topic())
                    .tag("messaging.system", "kafka")
                    .tag("messaging.operation.type", "send")
                    .tag("messaging.destination.name", row.topic())
                    .tag("cloudevents.event_type", row.headers().type())
                    .tag("cloudevents.event_id", row.headers().id())
                    .start();
            String traceparent = Traceparent.of(span.context().traceId(), span.context().spanId(),
                    !Boolean.FALSE.equals(span.context().sampled()));
            return new Sending() {
                @Override
                public String traceparent() {
                    return traceparent;
                }

                @Override
                public void sent() {
                    span.end();
                }

                @Override
                public void failed(Throwable error) {
                    span.error(error);
                    span.end();
                }
            };
        };
    }
}
