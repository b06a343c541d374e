package io.guildhall.analytics.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import io.guildhall.contracts.JsonStrings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per log line in the Elastic Common Schema, nested as Spring Boot writes it for the other services
 * under {@code logging.structured.format.console=ecs}: {@code @timestamp}, {@code log} ({@code level},
 * {@code logger}), {@code process} ({@code pid}, {@code thread.name}), {@code service.name}, {@code message}, the
 * MDC as top-level members (the trace as {@code traceId} and {@code spanId}), {@code error} ({@code type},
 * {@code message}, {@code stack_trace}) and {@code ecs.version}. So a log pipeline reads all five services alike.
 * Chosen by {@link LogFormat} from the same setting as theirs.
 */
public class EcsJsonEncoder extends EncoderBase<ILoggingEvent> {

    private static final byte[] NONE = new byte[0];
    private static final long PID = ProcessHandle.current().pid();

    private String serviceName = "analytics-service";

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder json = new StringBuilder(256).append('{');
        member(json, "@timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        json.append(",\"log\":{");
        member(json, "level", event.getLevel().toString());
        json.append(',');
        member(json, "logger", event.getLoggerName());
        json.append("},\"process\":{\"pid\":").append(PID).append(",\"thread\":{");
        member(json, "name", event.getThreadName());
        json.append("}},\"service\":{");
        member(json, "name", serviceName);
        json.append("},");
        member(json, "message", event.getFormattedMessage());
        for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
            json.append(',');
            member(json, entry.getKey(), entry.getValue());
        }
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            json.append(",\"error\":{");
            member(json, "type", error.getClassName());
            json.append(',');
            member(json, "message", error.getMessage());
            json.append(',');
            member(json, "stack_trace", ThrowableProxyUtil.asString(error));
            json.append('}');
        }
        json.append(",\"ecs\":{\"version\":\"8.11\"}}\n");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }

    private static void member(StringBuilder json, String name, String value) {
        quote(json, name).append(':');
        if (value == null) {
            json.append("null");
        } else {
            quote(json, value);
        }
    }

    private static StringBuilder quote(StringBuilder json, String text) {
        return JsonStrings.quote(json, text);
    }
}
