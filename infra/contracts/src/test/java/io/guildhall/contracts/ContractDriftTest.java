package io.guildhall.contracts;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fails the build when the event catalog, the records, the JSON Schemas and the AsyncAPI document disagree.
 * To add an event type: its record (with its descriptions), its catalog constant, its schema file written from the
 * record by this test, its AsyncAPI message (docs/events.md); this test says what is missing.
 */
class ContractDriftTest {

    private static final Pattern TYPE = Pattern.compile("guildhall\\.([a-z]+)\\.([a-z0-9]+(?:-[a-z0-9]+)*)\\.v([1-9][0-9]*)");
    private static final Pattern TOPIC = Pattern.compile("guildhall\\.([a-z]+)\\.v([1-9][0-9]*)");

    /**
     * The published schema files are their records' ({@link EventSchemas}); with
     * {@code -Dguildhall.contracts.write=true} this writes them instead (docs/events.md, "Adding an event type").
     */
    @TestFactory
    Stream<DynamicTest> every_schema_file_is_made_from_its_record() {
        boolean write = Boolean.getBoolean("guildhall.contracts.write");
        return EventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.type(), () -> {
            Path file = Path.of("src/main/resources").resolve(type.schemaResource());
            String made = EventSchemas.json(type);
            if (write) {
                Files.writeString(file, made);
            }
            String published = Files.isRegularFile(file) ? Files.readString(file) : "(no file)";
            assertEquals(made, published, file + " is not what " + type.recordClass().getSimpleName()
                    + " makes: run ./mvnw -pl infra/contracts test -Dtest=ContractDriftTest -Dguildhall.contracts.write=true");
        }));
    }

    /** A second opinion on the made schemas: the rules of docs/events.md, checked on the files as published. */
    @TestFactory
    Stream<DynamicTest> every_schema_matches_its_record() {
        return EventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.type(), () -> {
            List<String> problems = RecordSchemaDrift.problems(type.recordClass(), Contracts.schema(type));
            assertEquals(List.of(), problems, String.join("\n", problems));
        }));
    }

    @Test
    void the_asyncapi_document_matches_the_catalog() {
        List<String> problems = AsyncApiDrift.problems(EventCatalog.all(), Contracts.asyncApi(),
                Contracts::existsNextToAsyncApi);

        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void types_and_topics_follow_the_naming_rules() {
        List<String> problems = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        Set<Class<?>> records = new java.util.HashSet<>();
        for (EventType<?> type : EventCatalog.all()) {
            if (!types.add(type.type())) {
                problems.add(type.type() + " is in the catalog twice");
            }
            if (!records.add(type.recordClass())) {
                problems.add(type.recordClass().getSimpleName() + " is in the catalog twice");
            }
            if (type.description() == null || type.description().isBlank()) {
                problems.add(type.type() + " has no description");
            }
            Matcher typeName = TYPE.matcher(type.type());
            Matcher topicName = TOPIC.matcher(type.topic());
            if (!typeName.matches() || !topicName.matches()) {
                problems.add(type.type() + " on " + type.topic() + ": must be guildhall.<aggregate>.<event>.v<major> "
                        + "on guildhall.<aggregate>.v<major>");
                continue;
            }
            String aggregate = topicName.group(1);
            if (!typeName.group(1).equals(aggregate)) {
                problems.add(type.type() + " is not of the aggregate of its topic " + type.topic());
            }
            String expectedPackage = "io.guildhall.contracts." + aggregate;
            if (!type.recordClass().getPackageName().equals(expectedPackage)) {
                problems.add(type.recordClass().getName() + " belongs in package " + expectedPackage);
            }
            String expectedEvent = kebab(type.recordClass().getSimpleName()).replaceFirst("^" + aggregate + "-", "");
            if (!typeName.group(2).equals(expectedEvent)) {
                problems.add(type.type() + " must be named guildhall." + aggregate + "." + expectedEvent + ".v"
                        + typeName.group(3) + " after its record " + type.recordClass().getSimpleName());
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void every_catalog_constant_is_listed_and_every_listed_type_is_a_constant() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field field : EventCatalog.class.getDeclaredFields()) {
            if (field.getType() == EventType.class && Modifier.isStatic(field.getModifiers())
                    && Modifier.isPublic(field.getModifiers())) {
                constants.add(((EventType<?>) field.get(null)).type());
            }
        }
        Set<String> listed = new TreeSet<>(EventCatalog.all().stream().map(EventType::type).toList());

        assertEquals(listed, constants);
    }

    @Test
    void every_event_record_is_in_the_catalog() throws IOException {
        Path root = Contracts.mainOutput();
        Set<String> unlisted = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root.resolve("io/guildhall/contracts"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String className = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceFirst("\\.class$", "");
                Class<?> type = load(className);
                if (type.isRecord() && GuildhallEvent.class.isAssignableFrom(type)
                        && EventCatalog.all().stream().noneMatch(t -> t.recordClass() == type)) {
                    unlisted.add(className);
                }
            }
        }
        assertTrue(unlisted.isEmpty(), "event records missing from EventCatalog: " + unlisted);
    }

    @Test
    void every_schema_file_belongs_to_a_catalog_type() throws IOException {
        Set<String> orphans = new TreeSet<>();
        try (Stream<Path> files = Files.list(Contracts.mainOutput().resolve(Contracts.SCHEMAS))) {
            files.map(f -> f.getFileName().toString())
                    .filter(name -> EventCatalog.byType(name.replaceFirst("\\.json$", "")).isEmpty())
                    .forEach(orphans::add);
        }
        assertTrue(orphans.isEmpty(), "schema files of no catalog type: " + orphans);
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, ContractDriftTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
