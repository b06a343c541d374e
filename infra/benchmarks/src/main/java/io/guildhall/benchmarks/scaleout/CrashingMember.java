package io.guildhall.benchmarks.scaleout;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The group member the scale-out drill SIGKILLs: a JVM of its own, so that its death is a crash (no commit of the
 * batch in hand, no leave-group, no heartbeat), which the group notices by the session timeout only. It writes each
 * record it reads ({@code key value}) to a file, flushed before it commits the batch.
 */
public final class CrashingMember {

    private CrashingMember() {
    }

    /** {@code CrashingMember <bootstrap> <group> <topic> <file> <session-timeout-ms>} */
    public static void main(String[] args) throws IOException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, args[1]);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, args[1] + "-crashing");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Integer.parseInt(args[4]));
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8))) {
            consumer.subscribe(List.of(args[2]));
            while (true) {
                var batch = consumer.poll(Duration.ofMillis(200));
                out.println("# owns " + consumer.assignment().size());
                for (ConsumerRecord<String, String> record : batch) {
                    out.println(record.key() + " " + record.value());
                }
                out.flush();
                if (!batch.isEmpty()) {
                    consumer.commitSync();
                }
            }
        }
    }

    /** What the member read before it died, per key in reading order; and whether it ever owned a partition. */
    static Map<String, List<Integer>> read(Path file) throws IOException {
        Map<String, List<Integer>> read = new java.util.HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" ");
            if (parts.length == 2) { // a line cut by the kill has no value
                read.computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(parts[1]));
            }
        }
        return read;
    }

    static boolean owns(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("# owns ")) {
                return !lines.get(i).equals("# owns 0");
            }
        }
        return false;
    }
}
