package io.guildhall.analytics.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EcsJsonEncoderTest {

    private final LoggerContext context = new LoggerContext();

    @Test
    void a_line_is_one_ecs_object_nested_like_spring_boots_with_the_trace_and_escaped_text() {
        LoggingEvent event = new LoggingEvent("x", context.getLogger("guildhall.audit"), Level.WARN,
                "said \"hi\"\n\tand left\u0001", null, null);
        event.setThreadName("worker-1");
        event.setTimeStamp(1_764_000_000_000L);
        event.setMDCPropertyMap(Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736"));

        String line = new String(new EcsJsonEncoder().encode(event), StandardCharsets.UTF_8);

        assertTrue(line.endsWith("}\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
        assertTrue(line.startsWith("{\"@timestamp\":\"2025-11-24T16:00:00Z\",\"log\":{\"level\":\"WARN\","
                + "\"logger\":\"guildhall.audit\"},\"process\":{\"pid\":"), line);
        assertTrue(line.contains(",\"thread\":{\"name\":\"worker-1\"}},\"service\":{\"name\":\"analytics-service\"},"),
                line);
        assertTrue(line.contains("\"message\":\"said \\\"hi\\\"\\n\\tand left\\u0001\""), line);
        assertTrue(line.contains(",\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\","), line);
        assertTrue(line.endsWith(",\"ecs\":{\"version\":\"8.11\"}}\n"), line);
    }

    @Test
    void an_error_goes_under_error_with_its_type_message_and_stack() {
        LoggingEvent event = new LoggingEvent("x", context.getLogger("io.guildhall.analytics"), Level.ERROR, "failed",
                new IllegalStateException("the database is away"), null);
        event.setMDCPropertyMap(Map.of());

        String line = new String(new EcsJsonEncoder().encode(event), StandardCharsets.UTF_8);

        assertTrue(line.contains(",\"error\":{\"type\":\"java.lang.IllegalStateException\","
                + "\"message\":\"the database is away\",\"stack_trace\":\"java.lang.IllegalStateException: the database"
                + " is away\\n\\tat io.guildhall.analytics.observability.EcsJsonEncoderTest"), line);
        assertEquals(1, line.chars().filter(c -> c == '\n').count(), "the stack stays on the one line");
    }
}
