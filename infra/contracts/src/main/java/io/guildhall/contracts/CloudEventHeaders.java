package io.guildhall.contracts;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the record value is the JSON data,
 * the attributes travel as headers whose values are raw UTF-8 bytes (never JSON-quoted).
 */
public record CloudEventHeaders(
        String id,
        String type,
        String source,
        Instant time,
        String subject,
        String traceparent) {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    /** Header naming why a message went to a dead-letter topic. */
    public static final String DEAD_LETTER_REASON = "guildhall_dlt_reason";
    /** Header naming the consumer that dead-lettered a message. */
    public static final String DEAD_LETTER_CONSUMER = "guildhall_dlt_consumer";

    // W3C Trace Context, version 00: version-traceid-parentid-flags, lowercase hex, ids not all zero.
    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    public CloudEventHeaders {
        requireText(id, ID);
        requireText(type, TYPE);
        requireText(source, SOURCE);
        Objects.requireNonNull(time, TIME + " is missing");
        requireText(subject, SUBJECT);
    }

    /** Headers for a new event of the given type about the given aggregate, produced by {@code source}. */
    public static CloudEventHeaders newEvent(EventType<?> type, String source, String subject, Instant time, String traceparent) {
        return new CloudEventHeaders(UUID.randomUUID().toString(), type.type(), source, time, subject, traceparent);
    }

    /** Headers for a new event: type from the {@link EventCatalog}, subject = the event's aggregate id. */
    public static CloudEventHeaders newEvent(GuildhallEvent event, String source, Instant time, String traceparent) {
        return newEvent(EventCatalog.typeOf(event), source, event.aggregateId(), time, traceparent);
    }

    /** The Kafka headers, in a stable order, values as raw UTF-8. */
    /** The same attributes with another {@code traceparent} (the span that sends the record). */
    public CloudEventHeaders withTraceparent(String traceparent) {
        return new CloudEventHeaders(id, type, source, time, subject, traceparent);
    }

    public Map<String, byte[]> toKafkaHeaders() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(ID, utf8(id));
        headers.put(TYPE, utf8(type));
        headers.put(SOURCE, utf8(source));
        headers.put(SPEC_VERSION, utf8(SPEC_VERSION_VALUE));
        headers.put(TIME, utf8(time.toString()));
        headers.put(SUBJECT, utf8(subject));
        headers.put(CONTENT_TYPE, utf8(JSON));
        if (traceparent != null && !traceparent.isBlank()) {
            headers.put(TRACEPARENT, utf8(traceparent));
        }
        return headers;
    }

    /**
     * Reads the attributes from Kafka headers. A malformed {@code traceparent} is dropped rather than rejected:
     * W3C Trace Context says to start a new trace then, and tracing must never cost a business event.
     *
     * @throws InvalidCloudEventException naming the first missing or malformed header
     */
    public static CloudEventHeaders fromKafkaHeaders(Map<String, byte[]> headers) {
        Objects.requireNonNull(headers, "headers");
        String specVersion = required(headers, SPEC_VERSION);
        if (!SPEC_VERSION_VALUE.equals(specVersion)) {
            throw new InvalidCloudEventException(SPEC_VERSION + " must be 1.0 but was " + specVersion);
        }
        String contentType = required(headers, CONTENT_TYPE);
        if (!isJson(contentType)) {
            throw new InvalidCloudEventException(CONTENT_TYPE + " must be application/json but was " + contentType);
        }
        String id = required(headers, ID);
        String type = required(headers, TYPE);
        String source = required(headers, SOURCE);
        if (!isUriReference(source)) {
            throw new InvalidCloudEventException(SOURCE + " must be a URI-reference but was " + source);
        }
        String time = required(headers, TIME);
        Instant parsedTime;
        try {
            parsedTime = Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new InvalidCloudEventException(TIME + " must be an RFC 3339 timestamp but was " + time);
        }
        String subject = required(headers, SUBJECT);
        String traceparent = text(headers, TRACEPARENT);
        if (traceparent != null && !TRACEPARENT_FORMAT.matcher(traceparent).matches()) {
            traceparent = null;
        }
        return new CloudEventHeaders(id, type, source, parsedTime, subject, traceparent);
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim();
        return mediaType.equalsIgnoreCase(JSON);
    }

    private static boolean isUriReference(String value) {
        try {
            new URI(value);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String required(Map<String, byte[]> headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidCloudEventException(name + " is missing");
        }
        return value;
    }

    private static String text(Map<String, byte[]> headers, String name) {
        byte[] value = headers.get(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
    }
}
