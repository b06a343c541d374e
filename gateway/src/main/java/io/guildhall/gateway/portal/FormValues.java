package io.guildhall.gateway.portal;

import org.springframework.util.MultiValueMap;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a form sent, as typed (trimmed), to show again when the service refuses it, and as the JSON body the
 * service expects. A value that should be a number but is not one is sent as typed, so the service names the
 * field in its problem detail and the page shows the message next to it: one set of rules, the service's.
 */
public final class FormValues {

    private final Map<String, String> values = new LinkedHashMap<>();

    private FormValues() {
    }

    public static FormValues of(MultiValueMap<String, String> form, Collection<String> fields) {
        FormValues values = new FormValues();
        for (String field : fields) {
            String value = form.getFirst(field);
            values.values.put(field, value == null ? "" : value.trim());
        }
        return values;
    }

    /** For the template's {@code form} attribute: field -> what was typed. */
    public Map<String, String> typed() {
        return values;
    }

    public String get(String field) {
        return values.getOrDefault(field, "");
    }

    /** The JSON body: blank fields left out; {@code numbers} sent as numbers when they are numbers. */
    public Map<String, Object> body(Set<String> numbers) {
        Map<String, Object> body = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (!value.isEmpty()) {
                body.put(field, numbers.contains(field) ? number(value) : value);
            }
        });
        return body;
    }

    private static Object number(String value) {
        try {
            return new BigDecimal(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
