package io.guildhall.contracts;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Compares the AsyncAPI document with the event catalog and lists every disagreement: each topic has a channel
 * (address = topic) carrying exactly the catalog's types for it, each as a message with the CloudEvents headers,
 * {@code ce_type} const = the type, payload {@code $ref} = {@code schemas/<type>.json} (an existing file),
 * JSON content and a Kafka key; each topic has its dead-letter channel ({@link Topics#deadLetterOf}) carrying
 * only the dead-letter message; a send operation per topic channel lists all its messages; nothing else.
 */
final class AsyncApiDrift {

    static final String DEAD_LETTER_MESSAGE = "DeadLetter";

    private final List<String> problems = new ArrayList<>();
    private final JsonNode doc;

    private AsyncApiDrift(JsonNode doc) {
        this.doc = doc;
    }

    /**
     * @param payloadExists whether a payload {@code $ref}, relative to the document, names an existing resource
     */
    static List<String> problems(List<EventType<?>> catalog, JsonNode doc, Predicate<String> payloadExists) {
        AsyncApiDrift drift = new AsyncApiDrift(doc);
        drift.check(catalog, payloadExists);
        return drift.problems;
    }

    private void check(List<EventType<?>> catalog, Predicate<String> payloadExists) {
        if (!"3.0.0".equals(doc.path("asyncapi").asString())) {
            problems.add("asyncapi must be 3.0.0 but was " + doc.path("asyncapi"));
        }
        Map<String, String> channelByAddress = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> channel : doc.path("channels").properties()) {
            String address = channel.getValue().path("address").asString();
            if (channelByAddress.put(address, channel.getKey()) != null) {
                problems.add("two channels have the address " + address);
            }
        }
        Set<String> topics = new TreeSet<>();
        catalog.forEach(t -> topics.add(t.topic()));
        for (String address : channelByAddress.keySet()) {
            boolean deadLetter = address.endsWith(Topics.DEAD_LETTER_SUFFIX)
                    && topics.contains(address.substring(0, address.length() - Topics.DEAD_LETTER_SUFFIX.length()));
            if (!topics.contains(address) && !deadLetter) {
                problems.add("channel " + channelByAddress.get(address) + " has address " + address
                        + ", which is neither a catalog topic nor its dead-letter topic");
            }
        }
        Set<String> referenced = new TreeSet<>();
        for (String topic : topics) {
            String channel = channelByAddress.get(topic);
            if (channel == null) {
                problems.add("no channel with address " + topic);
            } else {
                checkTopicChannel(channel, topic, catalog, payloadExists, referenced);
            }
            String deadLetterChannel = channelByAddress.get(Topics.deadLetterOf(topic));
            if (deadLetterChannel == null) {
                problems.add("no dead-letter channel with address " + Topics.deadLetterOf(topic));
            } else {
                checkDeadLetterChannel(deadLetterChannel, referenced);
            }
        }
        for (String message : doc.path("components").path("messages").propertyNames()) {
            if (!referenced.contains(message)) {
                problems.add("message " + message + " is on no channel of a catalog topic");
            }
        }
    }

    private void checkTopicChannel(String channel, String topic, List<EventType<?>> catalog,
                                   Predicate<String> payloadExists, Set<String> referenced) {
        Map<String, String> messageByType = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : doc.path("channels").path(channel).path("messages").properties()) {
            String where = "channel " + channel + " message " + entry.getKey();
            JsonNode message = resolve(entry.getValue(), where);
            if (message == null) {
                continue;
            }
            referenced.add(componentName(entry.getValue()));
            String type = constOf(message.path("headers"), "ce_type");
            if (type == null) {
                problems.add(where + ": headers have no ce_type const");
                continue;
            }
            messageByType.put(type, entry.getKey());
            EventType<?> eventType = EventCatalog.byType(type).filter(catalog::contains).orElse(null);
            if (eventType == null) {
                problems.add(where + ": ce_type " + type + " is not in the catalog");
            } else if (!eventType.topic().equals(topic)) {
                problems.add(where + ": " + type + " belongs on " + eventType.topic() + ", not " + topic);
            }
            checkMessage(where, type, message, payloadExists);
            if (eventType != null && !eventType.description().equals(message.path("summary").asString())) {
                problems.add(where + ": summary must be its record's @Description, \"" + eventType.description()
                        + "\", but was \"" + message.path("summary").asString() + "\"");
            }
        }
        for (EventType<?> type : catalog) {
            if (type.topic().equals(topic) && !messageByType.containsKey(type.type())) {
                problems.add("channel " + channel + " has no message for " + type.type() + "; add "
                        + type.recordClass().getSimpleName() + " to its messages and to its send operation, and under"
                        + " components.messages:\n" + messageYaml(type, channel));
            }
        }
        checkSendOperation(channel, doc.path("channels").path(channel).path("messages").propertyNames());
        checkReceiveOperations(channel, doc.path("channels").path(channel).path("messages").propertyNames());
    }

    /** The components.messages entry of a type, as the document writes them (its Kafka key as its channel's). */
    private String messageYaml(EventType<?> type, String channel) {
        String key = "#/components/schemas/...Key";
        for (JsonNode sibling : doc.path("channels").path(channel).path("messages").values()) {
            JsonNode message = resolve(sibling, channel);
            if (message != null && message.path("bindings").path("kafka").path("key").has("$ref")) {
                key = message.path("bindings").path("kafka").path("key").path("$ref").asString();
                break;
            }
        }
        String name = type.recordClass().getSimpleName();
        String title = name.charAt(0) + name.substring(1).replaceAll("([A-Z])", " $1").toLowerCase(java.util.Locale.ROOT);
        return """
                    %s:
                      name: %s
                      title: %s
                      summary: "%s"
                      contentType: application/json
                      headers:
                        allOf:
                          - $ref: '#/components/schemas/CloudEventHeaders'
                          - type: object
                            properties:
                              ce_type:
                                const: %s
                      payload:
                        $ref: 'schemas/%s.json'
                      bindings:
                        kafka:
                          key:
                            $ref: '%s'
                          bindingVersion: '0.5.0'
                """.formatted(name, type.type(), title, type.description().replace("\"", "\\\""), type.type(),
                type.type(), key);
    }

    private void checkMessage(String where, String type, JsonNode message, Predicate<String> payloadExists) {
        String payloadRef = message.path("payload").path("$ref").asString();
        String expectedRef = "schemas/" + type + ".json";
        if (!expectedRef.equals(payloadRef)) {
            problems.add(where + ": payload $ref must be " + expectedRef + " but was " + payloadRef);
        } else if (!payloadExists.test(payloadRef)) {
            problems.add(where + ": payload " + payloadRef + " does not exist");
        }
        if (!CloudEventHeaders.JSON.equals(message.path("contentType").asString())) {
            problems.add(where + ": contentType must be " + CloudEventHeaders.JSON);
        }
        if (message.path("bindings").path("kafka").path("key").isMissingNode()) {
            problems.add(where + ": no Kafka key (bindings.kafka.key)");
        }
        Set<String> headers = headerNames(message.path("headers"));
        for (String header : List.of(CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT,
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.TRACEPARENT)) {
            if (!headers.contains(header)) {
                problems.add(where + ": headers lack " + header);
            }
        }
    }

    private void checkDeadLetterChannel(String channel, Set<String> referenced) {
        for (Map.Entry<String, JsonNode> entry : doc.path("channels").path(channel).path("messages").properties()) {
            String where = "dead-letter channel " + channel + " message " + entry.getKey();
            if (resolve(entry.getValue(), where) == null) {
                continue;
            }
            String component = componentName(entry.getValue());
            referenced.add(component);
            if (!DEAD_LETTER_MESSAGE.equals(component)) {
                problems.add(where + ": a dead-letter channel carries only " + DEAD_LETTER_MESSAGE);
            }
        }
        Set<String> headers = headerNames(doc.path("components").path("messages").path(DEAD_LETTER_MESSAGE).path("headers"));
        for (String header : List.of(CloudEventHeaders.DEAD_LETTER_REASON, CloudEventHeaders.DEAD_LETTER_CONSUMER)) {
            if (!headers.contains(header)) {
                problems.add(DEAD_LETTER_MESSAGE + ": headers lack " + header);
            }
        }
    }

    private void checkSendOperation(String channel, Iterable<String> channelMessages) {
        String channelRef = "#/channels/" + channel;
        Set<String> expected = new TreeSet<>();
        channelMessages.forEach(m -> expected.add(channelRef + "/messages/" + m));
        for (JsonNode operation : doc.path("operations").values()) {
            if (channelRef.equals(operation.path("channel").path("$ref").asString())
                    && "send".equals(operation.path("action").asString())) {
                Set<String> listed = new TreeSet<>();
                operation.path("messages").values().forEach(m -> listed.add(m.path("$ref").asString()));
                if (!listed.equals(expected)) {
                    problems.add("send operation on channel " + channel + " lists " + listed + " but the channel has "
                            + expected);
                }
                return;
            }
        }
        problems.add("no send operation on channel " + channel);
    }

    /** A consumer's receive operation names its service and only messages its channel has. */
    private void checkReceiveOperations(String channel, Iterable<String> channelMessages) {
        String channelRef = "#/channels/" + channel;
        Set<String> known = new TreeSet<>();
        channelMessages.forEach(m -> known.add(channelRef + "/messages/" + m));
        for (Map.Entry<String, JsonNode> operation : doc.path("operations").properties()) {
            JsonNode value = operation.getValue();
            if (!channelRef.equals(value.path("channel").path("$ref").asString())
                    || !"receive".equals(value.path("action").asString())) {
                continue;
            }
            if (value.path("tags").isEmpty()) {
                problems.add("receive operation " + operation.getKey() + " names no consuming service (tags)");
            }
            for (JsonNode message : value.path("messages").values()) {
                if (!known.contains(message.path("$ref").asString())) {
                    problems.add("receive operation " + operation.getKey() + " lists " + message.path("$ref").asString()
                            + ", which channel " + channel + " does not carry");
                }
            }
        }
    }

    private JsonNode resolve(JsonNode maybeRef, String where) {
        JsonNode ref = maybeRef.get("$ref");
        if (ref == null) {
            return maybeRef;
        }
        String pointer = ref.asString();
        JsonNode target = pointer.startsWith("#") ? doc.at(pointer.substring(1)) : null;
        if (target == null || target.isMissingNode()) {
            problems.add(where + ": unresolvable $ref " + pointer);
            return null;
        }
        return target;
    }

    private static String componentName(JsonNode maybeRef) {
        String ref = maybeRef.path("$ref").asString();
        return ref.startsWith("#/components/messages/") ? ref.substring("#/components/messages/".length()) : "";
    }

    /** The header names a headers schema declares, directly or in its allOf parts. */
    private Set<String> headerNames(JsonNode headers) {
        Set<String> names = new TreeSet<>();
        for (JsonNode part : schemaParts(headers)) {
            names.addAll(part.path("properties").propertyNames());
        }
        return names;
    }

    private String constOf(JsonNode headers, String header) {
        for (JsonNode part : schemaParts(headers)) {
            JsonNode value = part.path("properties").path(header).get("const");
            if (value != null && value.isString()) {
                return value.asString();
            }
        }
        return null;
    }

    private List<JsonNode> schemaParts(JsonNode schema) {
        List<JsonNode> parts = new ArrayList<>();
        JsonNode resolved = resolve(schema, "headers");
        if (resolved == null) {
            return parts;
        }
        parts.add(resolved);
        for (JsonNode part : resolved.path("allOf").values()) {
            JsonNode resolvedPart = resolve(part, "headers allOf");
            if (resolvedPart != null) {
                parts.add(resolvedPart);
            }
        }
        return parts;
    }
}
