package io.guildhall.analytics.observability;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.inject.Singleton;

/**
 * OpenTelemetry for analytics-service, configured like the Spring services: spans leave over OTLP/HTTP to
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} (environment:
 * {@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT}, the whole URL, e.g.
 * {@code http://otel-collector:4318/v1/traces}); without it nothing is recorded (a no-op OpenTelemetry).
 */
@Factory
public class TracingFactory {

    static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    @Singleton
    @Bean(preDestroy = "close")
    OpenTelemetryHolder openTelemetry(@Value("${management.opentelemetry.tracing.export.otlp.endpoint:}") String endpoint,
                                      @Value("${management.opentelemetry.tracing.export.schedule-delay:5s}")
                                      java.time.Duration scheduleDelay,
                                      @Value("${guildhall.trace-sampling:1.0}") double sampling,
                                      @Value("${micronaut.application.name:analytics-service}") String service) {
        if (endpoint == null || endpoint.isBlank()) {
            return new OpenTelemetryHolder(OpenTelemetry.noop(), null);
        }
        SdkTracerProvider tracers = SdkTracerProvider.builder()
                // A change's span follows its record's trace: sampled where the request that made it was.
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(sampling)))
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, service))))
                .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(endpoint).build())
                        .setScheduleDelay(scheduleDelay).build())
                .build();
        return new OpenTelemetryHolder(OpenTelemetrySdk.builder().setTracerProvider(tracers).build(), tracers);
    }

    /** The OpenTelemetry in use, and the tracer provider to flush and close on shutdown (none when off). */
    public record OpenTelemetryHolder(OpenTelemetry openTelemetry, SdkTracerProvider tracers) implements AutoCloseable {

        @Override
        public void close() {
            if (tracers != null) {
                tracers.close();
            }
        }
    }
}
