package io.guildhall.support.messaging;

import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaderMapper;
import org.springframework.messaging.MessageHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Maps headers to Kafka as raw UTF-8 bytes, as the CloudEvents Kafka binding, kcat and Micronaut
 * consumers expect. spring-kafka's default mapper JSON-quotes Strings and adds a type header.
 * Only CloudEvents attributes, {@code content-type}, {@code traceparent} and our own {@code guildhall_}
 * headers leave the service; framework headers stay inside it.
 */
public class RawKafkaHeaderMapper implements KafkaHeaderMapper {

    @Override
    public void fromHeaders(MessageHeaders headers, Headers target) {
        headers.forEach((name, value) -> {
            if (!isPublished(name)) {
                return;
            }
            if (value instanceof byte[] bytes) {
                target.add(name, bytes);
            } else if (value != null) {
                target.add(name, value.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    @Override
    public void toHeaders(Headers source, Map<String, Object> target) {
        source.forEach(header -> target.put(header.key(), header.value()));
    }

    static boolean isPublished(String name) {
        return name.startsWith("ce_") || name.equals("content-type") || name.equals("traceparent")
                || name.startsWith("guildhall_");
    }
}
