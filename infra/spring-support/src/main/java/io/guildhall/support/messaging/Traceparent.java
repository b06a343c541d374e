package io.guildhall.support.messaging;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** W3C Trace Context {@code traceparent} values: accepted when well-formed, otherwise started anew. */
public final class Traceparent {

    /** The W3C header, and the Kafka header the outbox's records carry it in. */
    public static final String HEADER = "traceparent";

    /** Reactor context key under which the current request's traceparent travels to the outbox. */
    public static final String CONTEXT_KEY = "guildhall.traceparent";

    private static final Pattern VALID = Pattern.compile("^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Traceparent() {
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches()
                && !value.substring(3, 35).equals("0".repeat(32)) && !value.substring(36, 52).equals("0".repeat(16));
    }

    public static String startNew() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(span) + "-01";
    }

    /** The header value of a span's context (version 00). */
    public static String of(String traceId, String spanId, boolean sampled) {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    public static String continueOrStart(String incoming) {
        return isValid(incoming) ? incoming : startNew();
    }
}
