package io.guildhall.contracts;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Reads the contract files from the main classpath output, as consumers of the jar would see them. */
final class Contracts {

    static final String ASYNCAPI = "io/guildhall/contracts/asyncapi.yaml";
    static final String SCHEMAS = "io/guildhall/contracts/schemas";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Contracts() {
    }

    static JsonNode schema(EventType<?> type) {
        return read(type.schemaResource());
    }

    static JsonNode asyncApi() {
        return read(ASYNCAPI);
    }

    /** Whether a path relative to the AsyncAPI document names an existing resource. */
    static boolean existsNextToAsyncApi(String relative) {
        return Contracts.class.getClassLoader().getResource("io/guildhall/contracts/" + relative) != null;
    }

    /** The main classes directory (target/classes), where the records, schemas and AsyncAPI document live. */
    static Path mainOutput() {
        try {
            return Path.of(EventCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            // YAML is a superset of JSON, so one reader serves the schemas and the AsyncAPI document.
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
