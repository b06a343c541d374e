package io.guildhall.e2e;

import com.sun.net.httpserver.HttpServer;
import io.guildhall.devstack.Ports;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * The receiving end of the services' trace export, as an OpenTelemetry Collector's OTLP/HTTP receiver would be:
 * {@code POST /v1/traces} with an {@code ExportTraceServiceRequest} in protobuf. It keeps what it received, so that
 * a test can follow one trace across the services. Loopback only; the platform's services export to it.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One span as exported: which service, its ids (hex) and what it is. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(Ports.HOST, Ports.free()), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", exchange -> {
                try (exchange) {
                    byte[] body;
                    try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                            ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                        body = in.readAllBytes();
                    }
                    receiver.received(ExportTraceServiceRequest.parseFrom(body));
                    byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                    exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
                    if (answer.length > 0) {
                        exchange.getResponseBody().write(answer);
                    }
                } catch (IOException | RuntimeException e) {
                    exchange.sendResponseHeaders(400, -1);
                }
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("Starting the OTLP receiver", e);
        }
    }

    /** Where a service sends its spans (its MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT). */
    String tracesUrl() {
        return "http://" + Ports.HOST + ":" + server.getAddress().getPort() + "/v1/traces";
    }

    /** Every span received so far of one trace. */
    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** The services that exported anything so far, with how many spans. */
    java.util.Map<String, Long> services() {
        return spans.stream().collect(java.util.stream.Collectors.groupingBy(ReceivedSpan::service,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    private void received(ExportTraceServiceRequest request) {
        List<ReceivedSpan> batch = new ArrayList<>();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals("service.name")).map(KeyValue::getValue)
                    .map(value -> value.getStringValue()).findFirst().orElse("?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                    batch.add(new ReceivedSpan(service, hex(span.getTraceId().toByteArray()),
                            hex(span.getSpanId().toByteArray()), hex(span.getParentSpanId().toByteArray()),
                            span.getName(), span.getKind().name()));
                }
            }
        }
        spans.addAll(batch);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
