package io.guildhall.e2e;

import io.guildhall.e2e.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One RSVP followed as one OpenTelemetry trace from the gateway to analytics' ledger, through the outbox and Kafka:
 * the services export their spans over OTLP (here to the tests' receiver, in production to a collector), and
 * their ECS JSON log lines carry the trace id of the request they serve.
 */
@ExtendWith(PlatformExtension.class)
class TracingIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void one_rsvp_is_one_trace_from_the_gateway_through_event_service_and_kafka_to_the_analytics_ledger(Platform platform) {
        String grace = platform.stack().accessToken("grace");
        String ada = platform.stack().accessToken("ada");
        String event = Api.createEvent(platform, grace, "Traced meetup", Instant.now().plus(Duration.ofDays(2)), 20);
        String traceId = hex(16);

        HttpResponse<String> answered = Api.call(platform, "PUT", "/api/events/" + event + "/rsvp", ada,
                "{\"status\":\"GOING\"}", "00-" + traceId + "-" + hex(8) + "-01");
        assertEquals(200, answered.statusCode(), answered.body());

        // Every hop: the gateway's server and client spans, event-service's server span, the outbox's producer span
        // and analytics' span for counting the RsvpConfirmed.
        List<String> hops = List.of("gateway SPAN_KIND_SERVER", "event-service SPAN_KIND_SERVER",
                "event-service SPAN_KIND_PRODUCER", "analytics-service SPAN_KIND_CONSUMER");
        List<ReceivedSpan> trace;
        try {
            trace = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> platform.traces().trace(traceId), spans -> spans.stream()
                            .map(span -> span.service() + " " + span.kind()).collect(Collectors.toSet()).containsAll(hops));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Not every hop of trace " + traceId + " arrived: " + platform.traces().trace(traceId)
                    + "; spans per service so far: " + platform.traces().services(), e);
        }
        ReceivedSpan gatewayServer = only(trace, "gateway", "SPAN_KIND_SERVER");
        ReceivedSpan eventServer = only(trace, "event-service", "SPAN_KIND_SERVER");
        ReceivedSpan published = only(trace, "event-service", "SPAN_KIND_PRODUCER");
        ReceivedSpan counted = only(trace, "analytics-service", "SPAN_KIND_CONSUMER");
        Set<String> gatewaySpans = trace.stream().filter(span -> span.service().equals("gateway"))
                .map(ReceivedSpan::spanId).collect(Collectors.toSet());

        assertTrue(gatewaySpans.contains(eventServer.parentSpanId()),
                "event-service's request hangs under the gateway's call: " + trace);
        assertTrue(gatewayServer.parentSpanId().length() == 16, "the gateway continued the caller's trace: " + trace);
        assertEquals(eventServer.spanId(), published.parentSpanId(),
                "the outbox row kept the request's span, and its producer span hangs under it: " + trace);
        assertEquals("publish guildhall.event.v1", published.name());
        assertEquals(published.spanId(), counted.parentSpanId(),
                "analytics counted the record under the span that sent it: " + trace);
        assertEquals("count guildhall.event.rsvp-confirmed.v1", counted.name());
        assertTrue(answered.headers().firstValue("traceparent").orElse("").contains(traceId),
                "the answer names the trace: " + answered.headers().map());
    }

    @Test
    void the_services_write_json_log_lines_and_an_audited_check_in_carries_its_trace_id(Platform platform)
            throws IOException {
        String grace = platform.stack().accessToken("grace");
        String ada = platform.stack().accessToken("ada");
        // Starts in 20 minutes: the organiser's check-in is open from 30 minutes before.
        String event = Api.createEvent(platform, grace, "Audited training", Instant.now().plus(Duration.ofMinutes(20)), 20);
        Api.rsvp(platform, ada, event);
        String adaId = platform.stack().personId("ada");
        String traceId = hex(16);

        HttpResponse<String> checkedIn = Api.call(platform, "POST", "/api/events/" + event + "/check-ins", grace,
                "{\"personId\":\"" + adaId + "\"}", "00-" + traceId + "-" + hex(8) + "-01");
        assertEquals(200, checkedIn.statusCode(), checkedIn.body());

        var log = platform.stack().home().log("e2e-event-service");
        String audit = await().atMost(Duration.ofSeconds(10)).until(() -> Files.readAllLines(log).stream()
                .filter(line -> line.contains("\"guildhall.audit\"") && line.contains(event)).findFirst().orElse(null),
                line -> line != null);
        assertTrue(audit.startsWith("{") && audit.endsWith("}"), audit);
        assertTrue(audit.contains("\"traceId\":\"" + traceId + "\""), "the audit line carries the request's trace: " + audit);
        assertTrue(audit.contains("attendance recorded: event " + event + " person " + adaId), audit);
        for (String module : List.of("gateway", "community-service", "event-service", "membership-service",
                "analytics-service")) {
            // This run's lines: those after the last "==== <time> starting ..." line ServiceProcess writes.
            List<String> all = Files.readAllLines(platform.stack().home().log("e2e-" + module));
            int start = 0;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).startsWith("==== ")) {
                    start = i + 1;
                }
            }
            List<String> lines = all.subList(start, all.size()).stream().filter(line -> !line.isBlank()).toList();
            assertTrue(lines.size() >= 5, module + " writes ECS JSON lines");
            for (String line : lines) {
                assertTrue(line.startsWith("{") && line.endsWith("}") && line.contains("\"log\":{\"level\":\"")
                        && line.contains("\"message\":") && line.contains("\"service\":{\"name\":\"" + module + "\""),
                        module + ": " + line);
            }
        }
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, String service, String kind) {
        List<ReceivedSpan> found = trace.stream().filter(span -> span.service().equals(service) && span.kind().equals(kind))
                .toList();
        assertEquals(1, found.size(), service + " " + kind + " in " + trace);
        return found.get(0);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
