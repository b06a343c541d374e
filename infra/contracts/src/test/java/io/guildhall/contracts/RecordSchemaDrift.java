package io.guildhall.contracts;

import tools.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares an event record with its JSON Schema and lists every disagreement. The rules (docs/events.md):
 * the schema is draft 2020-12, a closed object titled with the record's name; its properties are exactly the record
 * components, each described; a component is required and non-null unless annotated {@link Nullable}, in which case
 * it is not required and its type admits null; Java types map to JSON types and formats as in {@link #JSON_TYPES};
 * a String annotated {@link EnumValues} has exactly that enum's constants as its {@code enum}, and no other
 * property has an {@code enum}.
 */
final class RecordSchemaDrift {

    static final String DRAFT_2020_12 = EventSchemas.DRAFT_2020_12;

    static final Map<Class<?>, String[]> JSON_TYPES = EventSchemas.JSON_TYPES;

    private RecordSchemaDrift() {
    }

    static List<String> problems(Class<?> recordClass, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        String name = recordClass.getSimpleName();
        if (!recordClass.isRecord()) {
            return List.of(name + " is not a record");
        }
        expect(problems, name, "$schema", DRAFT_2020_12, text(schema.get("$schema")));
        expect(problems, name, "type", "object", text(schema.get("type")));
        expect(problems, name, "title", name, text(schema.get("title")));
        if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").booleanValue()) {
            problems.add(name + ": schema is not closed (additionalProperties must be false)");
        }
        if (text(schema.get("description")) == null) {
            problems.add(name + ": schema has no description");
        }

        RecordComponent[] components = recordClass.getRecordComponents();
        Set<String> componentNames = new LinkedHashSet<>();
        Set<String> mustBeRequired = new TreeSet<>();
        for (RecordComponent component : components) {
            componentNames.add(component.getName());
            if (!isNullable(component)) {
                mustBeRequired.add(component.getName());
            }
        }
        JsonNode properties = schema.path("properties");
        Set<String> propertyNames = new LinkedHashSet<>(properties.propertyNames());
        for (String missing : difference(componentNames, propertyNames)) {
            problems.add(name + "." + missing + ": record component has no schema property");
        }
        for (String extra : difference(propertyNames, componentNames)) {
            problems.add(name + "." + extra + ": schema property has no record component");
        }
        Set<String> required = new TreeSet<>();
        schema.path("required").values().forEach(n -> required.add(n.asString()));
        for (String missing : difference(mustBeRequired, required)) {
            problems.add(name + "." + missing + ": not @Nullable, so it must be listed in required");
        }
        for (String extra : difference(required, mustBeRequired)) {
            problems.add(name + "." + extra + ": listed in required but the component is @Nullable or absent");
        }
        for (RecordComponent component : components) {
            JsonNode property = properties.get(component.getName());
            if (property != null) {
                checkProperty(problems, name + "." + component.getName(), component, property);
            }
        }
        return problems;
    }

    private static void checkProperty(List<String> problems, String where, RecordComponent component, JsonNode property) {
        boolean nullable = isNullable(component);
        if (nullable && component.getType().isPrimitive()) {
            problems.add(where + ": a primitive cannot be @Nullable");
        }
        if (text(property.get("description")) == null) {
            problems.add(where + ": property has no description");
        }
        String[] expected = JSON_TYPES.get(component.getType());
        if (expected == null) {
            problems.add(where + ": no JSON mapping for Java type " + component.getType().getName());
            return;
        }
        checkType(problems, where, expected[0], nullable, property.get("type"));
        expect(problems, where, "format", expected[1], text(property.get("format")));
        checkEnum(problems, where, component, nullable, property.get("enum"));
        if (component.getType() == List.class) {
            checkItems(problems, where, component.getGenericType(), property.get("items"));
        }
    }

    private static void checkType(List<String> problems, String where, String jsonType, boolean nullable, JsonNode type) {
        if (nullable) {
            Set<String> types = new TreeSet<>();
            if (type != null && type.isArray()) {
                type.values().forEach(t -> types.add(t.asString()));
            }
            if (!types.equals(new TreeSet<>(List.of(jsonType, "null")))) {
                problems.add(where + ": @Nullable, so type must be [\"" + jsonType + "\", \"null\"] but was " + type);
            }
        } else if (!jsonType.equals(text(type))) {
            problems.add(where + ": type must be \"" + jsonType + "\" but was " + type);
        }
    }

    private static void checkEnum(List<String> problems, String where, RecordComponent component, boolean nullable, JsonNode actual) {
        EnumValues values = component.getAnnotation(EnumValues.class);
        if (values == null) {
            if (actual != null) {
                problems.add(where + ": schema has an enum but the component has no @EnumValues");
            }
            return;
        }
        if (component.getType() != String.class) {
            problems.add(where + ": @EnumValues belongs on a String component");
        }
        List<String> expected = new ArrayList<>(Arrays.stream(values.value().getEnumConstants()).map(Enum::name).toList());
        if (nullable) {
            expected.add(null);
        }
        List<String> found = new ArrayList<>();
        if (actual != null) {
            actual.values().forEach(v -> found.add(v.isNull() ? null : v.asString()));
        }
        if (!found.equals(expected)) {
            problems.add(where + ": enum must be " + expected + " (" + values.value().getSimpleName()
                    + (nullable ? " and null" : "") + ") but was " + found);
        }
    }

    private static void checkItems(List<String> problems, String where, Type genericType, JsonNode items) {
        if (!(genericType instanceof ParameterizedType parameterized)
                || !(parameterized.getActualTypeArguments()[0] instanceof Class<?> itemClass)) {
            problems.add(where + ": a List component needs a concrete item type");
            return;
        }
        String[] expected = JSON_TYPES.get(itemClass);
        if (expected == null || itemClass == List.class) {
            problems.add(where + ": no JSON mapping for list items of " + itemClass.getName());
            return;
        }
        if (items == null) {
            problems.add(where + ": array property has no items schema");
            return;
        }
        expect(problems, where + "[]", "type", expected[0], text(items.get("type")));
        expect(problems, where + "[]", "format", expected[1], text(items.get("format")));
    }

    static boolean isNullable(RecordComponent component) {
        return component.isAnnotationPresent(Nullable.class);
    }

    private static void expect(List<String> problems, String where, String keyword, String expected, String actual) {
        if (expected == null ? actual != null : !expected.equals(actual)) {
            problems.add(where + ": " + keyword + " must be " + (expected == null ? "absent" : "\"" + expected + "\"")
                    + " but was " + (actual == null ? "absent" : "\"" + actual + "\""));
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() && !node.stringValue().isBlank() ? node.stringValue() : null;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
