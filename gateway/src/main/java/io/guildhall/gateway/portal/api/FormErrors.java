package io.guildhall.gateway.portal.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a form shows after a service refused it: a message per field (next to its input) and, for a problem
 * that names no field the form has, one message for the whole form. Templates use {@code errors.has('title')},
 * {@code errors.field('title')} and {@code errors.global}; see /work/notes/portal-frame.md.
 */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(Map.of(), null);

    private final Map<String, String> fields;
    private final String global;

    private FormErrors(Map<String, String> fields, String global) {
        this.fields = fields;
        this.global = global;
    }

    public static FormErrors none() {
        return NONE;
    }

    /** The problem's field messages; its detail (or title) as the form's message when it names no field. */
    public static FormErrors of(ApiProblemException problem) {
        String global = problem.fieldErrors().isEmpty()
                ? (problem.detail() != null ? problem.detail() : problem.title() != null ? problem.title() : "The request was refused")
                : null;
        return new FormErrors(problem.fieldErrors(), global);
    }

    /**
     * Like {@link #of(ApiProblemException)}, with the service's field names mapped to the form's where they differ
     * (a nested {@code charter.purpose} shown at the form's {@code purpose}); a field the form does not have goes
     * to the form's message, so nothing the service said is lost.
     */
    public static FormErrors of(ApiProblemException problem, Map<String, String> serviceFieldToFormField, java.util.Set<String> formFields) {
        Map<String, String> fields = new LinkedHashMap<>();
        StringBuilder global = new StringBuilder();
        problem.fieldErrors().forEach((field, message) -> {
            String formField = serviceFieldToFormField.getOrDefault(field, field);
            if (formFields.contains(formField)) {
                fields.putIfAbsent(formField, message);
            } else {
                global.append(global.isEmpty() ? "" : "; ").append(field).append(": ").append(message);
            }
        });
        if (problem.fieldErrors().isEmpty()) {
            return of(problem);
        }
        return new FormErrors(fields, global.isEmpty() ? null : global.toString());
    }

    /** A message the page found itself (a value that could not even be sent), at one field. */
    public static FormErrors field(String field, String message) {
        return new FormErrors(Map.of(field, message), null);
    }

    /** The same errors said for people ({@link PlainWords}), each field by its label on the form. */
    public FormErrors inPlainWords(Map<String, String> labels) {
        Map<String, String> plain = new LinkedHashMap<>();
        fields.forEach((field, message) -> plain.put(field, PlainWords.say(field, labels.get(field), message)));
        return new FormErrors(plain, global);
    }

    /** The same errors in the order the form shows its fields, so the summary at the top reads like the page. */
    public FormErrors ordered(java.util.List<String> pageOrder) {
        Map<String, String> sorted = new LinkedHashMap<>();
        pageOrder.forEach(field -> {
            if (fields.containsKey(field)) {
                sorted.put(field, fields.get(field));
            }
        });
        fields.forEach(sorted::putIfAbsent);
        return new FormErrors(sorted, global);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String field(String field) {
        return fields.get(field);
    }

    public String getGlobal() {
        return global;
    }

    public boolean isEmpty() {
        return fields.isEmpty() && global == null;
    }

    public Map<String, String> getFields() {
        return fields;
    }
}
