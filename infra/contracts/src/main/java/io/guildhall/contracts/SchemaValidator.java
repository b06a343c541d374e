package io.guildhall.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks event data against the closed JSON Schema of its {@code ce_type}. Producers' tests run it on every event
 * they publish; consumers run it before handling a message and dead-letter what fails.
 *
 * <p>All schemas of the {@link EventCatalog} are loaded and compiled once, when the validator is created (a missing
 * or broken schema fails there, not on the first message). After that an instance is immutable and safe to share
 * between threads; {@link #shared()} is the one most callers want. Needs {@code com.networknt:json-schema-validator}
 * 3.x on the classpath (an optional dependency of this library).
 */
public final class SchemaValidator {

    private final JsonMapper mapper = JsonMapper.builder()
            // A duplicated property or trailing garbage makes a message ambiguous: reject rather than guess.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Map<String, Schema> schemas;

    /** A validator for every type in the {@link EventCatalog}. */
    public SchemaValidator() {
        this(EventCatalog.all());
    }

    /** A validator for the given event types only; any other type is reported as unknown. */
    public SchemaValidator(Collection<? extends EventType<?>> types) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        // Draft 2020-12 treats format as an annotation only; our uuid/date/date-time formats are contract.
                        .formatAssertionsEnabled(true)
                        .build()));
        Map<String, Schema> loaded = new LinkedHashMap<>();
        for (EventType<?> type : types) {
            Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + type.schemaResource()), readSchema(type));
            // Compile every keyword now: lazy compilation on a first, concurrent validation would race.
            schema.initializeValidators();
            loaded.put(type.type(), schema);
        }
        this.schemas = Map.copyOf(loaded);
    }

    /** The validator for the whole catalog, created on first use. */
    public static SchemaValidator shared() {
        return Shared.INSTANCE;
    }

    /**
     * Every way the data violates the schema of {@code ceType}, each message naming the property concerned;
     * empty when the data is valid. An unknown type, missing data or data that is not JSON is a violation too.
     */
    public List<String> validate(String ceType, byte[] json) {
        if (ceType == null || ceType.isBlank()) {
            return List.of(CloudEventHeaders.TYPE + " is missing");
        }
        Schema schema = schemas.get(ceType);
        if (schema == null) {
            return List.of("unknown " + CloudEventHeaders.TYPE + " " + ceType + ": not in the event catalog");
        }
        if (json == null || json.length == 0) {
            return List.of("data of " + ceType + " is missing");
        }
        JsonNode data;
        try {
            data = mapper.readTree(json);
        } catch (JacksonException e) {
            return List.of("data of " + ceType + " is not JSON: " + e.getOriginalMessage());
        }
        return schema.validate(data).stream().map(SchemaValidator::describe).toList();
    }

    /** @throws InvalidCloudEventException listing every violation, when there is one */
    public void requireValid(String ceType, byte[] json) {
        List<String> violations = validate(ceType, json);
        if (!violations.isEmpty()) {
            throw new InvalidCloudEventException(ceType + " is invalid: " + String.join("; ", violations));
        }
    }

    /**
     * Everything a consumer checks before handling a message: the CloudEvents headers and the data against the
     * schema of its {@code ce_type}.
     *
     * @throws InvalidCloudEventException naming the bad header or listing the schema violations
     */
    public CloudEventHeaders requireValidEvent(Map<String, byte[]> kafkaHeaders, byte[] json) {
        CloudEventHeaders headers = CloudEventHeaders.fromKafkaHeaders(kafkaHeaders);
        requireValid(headers.type(), json);
        return headers;
    }

    private static String describe(Error error) {
        String location = error.getInstanceLocation().toString();
        String message = error.getMessage();
        return message.startsWith(location) ? message : location + ": " + message;
    }

    private JsonNode readSchema(EventType<?> type) {
        ClassLoader loader = SchemaValidator.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("No schema for " + type.type() + " at " + type.schemaResource());
            }
            return mapper.readTree(in);
        } catch (JacksonException e) {
            throw new IllegalStateException("Schema " + type.schemaResource() + " is not JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + type.schemaResource(), e);
        }
    }

    private static final class Shared {
        private static final SchemaValidator INSTANCE = new SchemaValidator();
    }
}
