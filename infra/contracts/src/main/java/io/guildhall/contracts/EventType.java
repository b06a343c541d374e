package io.guildhall.contracts;

/**
 * One published event type: its versioned CloudEvents type, the topic it travels on, the record
 * that carries it and the closed JSON Schema that its data must satisfy.
 */
public record EventType<T extends GuildhallEvent>(String type, String topic, Class<T> recordClass, String description) {

    /** Classpath resource of the JSON Schema, e.g. {@code io/guildhall/contracts/schemas/guildhall.community.founded.v1.json}. */
    public String schemaResource() {
        return "io/guildhall/contracts/schemas/" + type + ".json";
    }
}
