package io.guildhall.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code key=value} arguments after the benchmark's name, e.g. {@code events=5000 rounds=2}. */
public record Options(Map<String, String> values) {

    static final Set<String> KNOWN = Set.of(
            "concurrency", "warmup", "duration", "rounds", "post", // gateway
            "events", "raw-repeats", "ingest-timeout", "topic", // ingest
            "repeats", "poll-ms", "freshness-timeout", "me-minutes", "burst", // freshness
            "people", "seats", "targets", // burst
            "drill", "kill-at", "poison-each", "outage", "drill-timeout", "broker-outage", "rate", "before", "after", "keycloak-outage", // drills
            "weeks", "attendees", "per-week", "baseline-rows", "report-calls", "report-seconds", "rebuild", "callers", // scale
            "phase", "records", "keys", "partitions", "kill-node-at", "kill-member-at", // scaleout
            "jvm", "jars", "profile"); // every service JVM; a directory of service jars other than <module>/target

    public static Options parse(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Expected key=value, not " + arg);
            }
            String key = arg.substring(0, eq);
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("Unknown option " + key + "; known: " + KNOWN);
            }
            values.put(key, arg.substring(eq + 1));
        }
        return new Options(Map.copyOf(values));
    }

    public int integer(String key, int defaultValue) {
        String value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        int parsed = Integer.parseInt(value.trim());
        if (parsed <= 0) {
            throw new IllegalArgumentException(key + " must be positive, not " + value);
        }
        return parsed;
    }

    public List<Integer> integers(String key, List<Integer> defaultValue) {
        String value = values.get(key);
        return value == null ? defaultValue
                : Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    public String text(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    public boolean flag(String key, boolean defaultValue) {
        String value = values.get(key);
        return value == null ? defaultValue : Boolean.parseBoolean(value.trim());
    }

    /** As given on the command line, for the report. */
    public String describe() {
        return values.isEmpty() ? "(defaults)" : String.join(" ", values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
