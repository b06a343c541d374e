package io.guildhall.contracts;

/**
 * One published event type: its versioned CloudEvents type, the topic it travels on, the record that carries it
 * (and describes it) and the closed JSON Schema that its data must satisfy, made from that record.
 */
public record EventType<T extends GuildhallEvent>(String type, String topic, Class<T> recordClass, String description) {

    /** The type with its record's {@link Description} as its description. */
    public EventType(String type, String topic, Class<T> recordClass) {
        this(type, topic, recordClass, EventSchemas.description(recordClass));
    }

    /** Classpath resource of the JSON Schema, e.g. {@code io/guildhall/contracts/schemas/guildhall.community.founded.v1.json}. */
    public String schemaResource() {
        return "io/guildhall/contracts/schemas/" + type + ".json";
    }
}
