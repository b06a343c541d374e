package io.guildhall.contracts;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An event type's JSON Schema, made from its record: the record is the one source of truth (docs/events.md,
 * "Adding an event type"). The schema is draft 2020-12, a closed object titled with the record's name and described
 * by its {@link Description}; its properties are the record's components in order, each described by its own; a
 * component is required and non-null unless {@link Nullable} (then not required, and its type admits null); Java
 * types map to JSON types and formats as in {@link #JSON_TYPES}; {@link EnumValues} gives a String its {@code enum},
 * {@link Minimum}, {@link Maximum} and {@link Pattern} their keywords; a required free-text String has
 * {@code minLength} 1 unless it {@link MayBeEmpty may be empty}.
 *
 * <p>The files under {@code schemas/} are this class's output, kept in the repository because other systems read them
 * (the AsyncAPI document points at them); the contract drift test fails when one differs, and writes them all again
 * when run with {@code -Dguildhall.contracts.write=true}.
 */
public final class EventSchemas {

    public static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    /** Java type -> {JSON type, format or null}. */
    public static final Map<Class<?>, String[]> JSON_TYPES = Map.ofEntries(
            Map.entry(UUID.class, new String[]{"string", "uuid"}),
            Map.entry(Instant.class, new String[]{"string", "date-time"}),
            Map.entry(LocalDate.class, new String[]{"string", "date"}),
            Map.entry(String.class, new String[]{"string", null}),
            Map.entry(int.class, new String[]{"integer", null}),
            Map.entry(long.class, new String[]{"integer", null}),
            Map.entry(Integer.class, new String[]{"integer", null}),
            Map.entry(Long.class, new String[]{"integer", null}),
            Map.entry(double.class, new String[]{"number", null}),
            Map.entry(Double.class, new String[]{"number", null}),
            Map.entry(BigDecimal.class, new String[]{"number", null}),
            Map.entry(boolean.class, new String[]{"boolean", null}),
            Map.entry(Boolean.class, new String[]{"boolean", null}),
            Map.entry(List.class, new String[]{"array", null}));

    private EventSchemas() {
    }

    /** The event's description: its record's {@link Description}. */
    public static String description(Class<? extends GuildhallEvent> recordClass) {
        Description description = recordClass.getAnnotation(Description.class);
        if (description == null || description.value().isBlank()) {
            throw new IllegalStateException(recordClass.getName() + " has no @Description");
        }
        return description.value();
    }

    /** The schema as ordered maps and lists (what {@link #json} writes). */
    public static Map<String, Object> schema(EventType<?> type) {
        Class<?> record = type.recordClass();
        if (!record.isRecord()) {
            throw new IllegalStateException(record.getName() + " is not a record");
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", DRAFT_2020_12);
        schema.put("title", record.getSimpleName());
        schema.put("description", type.description());
        schema.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            properties.put(component.getName(), property(record, component));
            if (!component.isAnnotationPresent(Nullable.class)) {
                required.add(component.getName());
            }
        }
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> property(Class<?> record, RecordComponent component) {
        String where = record.getSimpleName() + "." + component.getName();
        boolean nullable = component.isAnnotationPresent(Nullable.class);
        if (nullable && component.getType().isPrimitive()) {
            throw new IllegalStateException(where + ": a primitive cannot be @Nullable");
        }
        String[] json = JSON_TYPES.get(component.getType());
        if (json == null) {
            throw new IllegalStateException(where + ": no JSON mapping for " + component.getType().getName());
        }
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("type", nullable ? List.of(json[0], "null") : json[0]);
        if (json[1] != null) {
            property.put("format", json[1]);
        }
        EnumValues values = component.getAnnotation(EnumValues.class);
        Pattern pattern = component.getAnnotation(Pattern.class);
        if (values != null) {
            if (component.getType() != String.class) {
                throw new IllegalStateException(where + ": @EnumValues belongs on a String");
            }
            List<String> names = new ArrayList<>(Arrays.stream(values.value().getEnumConstants()).map(Enum::name)
                    .toList());
            if (nullable) {
                names.add(null);
            }
            property.put("enum", names);
        } else if (component.getType() == String.class && !nullable && pattern == null
                && !component.isAnnotationPresent(MayBeEmpty.class)) {
            property.put("minLength", 1);
        }
        Minimum minimum = component.getAnnotation(Minimum.class);
        if (minimum != null) {
            property.put(minimum.exclusive() ? "exclusiveMinimum" : "minimum", minimum.value());
        }
        Maximum maximum = component.getAnnotation(Maximum.class);
        if (maximum != null) {
            property.put("maximum", maximum.value());
        }
        if (pattern != null) {
            property.put("pattern", pattern.value());
        }
        if (component.getType() == List.class) {
            property.put("items", items(where, component.getGenericType()));
        }
        Description description = component.getAnnotation(Description.class);
        if (description == null || description.value().isBlank()) {
            throw new IllegalStateException(where + " has no @Description");
        }
        property.put("description", description.value());
        return property;
    }

    private static Map<String, Object> items(String where, Type genericType) {
        if (!(genericType instanceof ParameterizedType parameterized)
                || !(parameterized.getActualTypeArguments()[0] instanceof Class<?> itemClass)
                || itemClass == List.class || !JSON_TYPES.containsKey(itemClass)) {
            throw new IllegalStateException(where + ": a List needs a concrete item type with a JSON mapping");
        }
        String[] json = JSON_TYPES.get(itemClass);
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("type", json[0]);
        if (json[1] != null) {
            items.put("format", json[1]);
        }
        return items;
    }

    /** The schema file's text: two-space indents, one value per line, a final newline. */
    public static String json(EventType<?> type) {
        StringBuilder out = new StringBuilder();
        write(out, schema(type), "");
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(indent).append("  ");
                JsonStrings.quote(out, entry.getKey().toString());
                out.append(": ");
                write(out, entry.getValue(), indent + "  ");
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                out.append(indent).append("  ");
                write(out, list.get(i), indent + "  ");
                out.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else if (value instanceof String text) {
            JsonStrings.quote(out, text);
        } else {
            out.append(value);
        }
    }
}
