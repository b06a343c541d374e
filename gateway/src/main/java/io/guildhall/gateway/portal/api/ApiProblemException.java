package io.guildhall.gateway.portal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service refused a request with a 4xx RFC 9457 problem detail. {@link #fieldErrors()} maps each field the
 * service named ({@code errors: [{field, message}]}) to its message; {@link FormErrors#of} turns it into what a
 * form shows next to its inputs.
 */
public class ApiProblemException extends RuntimeException {

    private final Service service;
    private final int status;
    private final String title;
    private final String detail;
    private final Map<String, String> fieldErrors;

    public ApiProblemException(Service service, int status, String title, String detail, Map<String, String> fieldErrors) {
        super(service.id() + " answered " + status + ": " + (detail == null ? title : detail));
        this.service = service;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** Reads a problem detail body (already parsed JSON); a body that is not one still yields the status. */
    @SuppressWarnings("unchecked")
    static ApiProblemException from(Service service, int status, Object body) {
        Map<String, Object> problem = body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        Map<String, String> fields = new LinkedHashMap<>();
        if (problem.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> e && e.get("field") != null) {
                    // The first message per field is enough for a form; the service lists the most specific first.
                    fields.putIfAbsent(String.valueOf(e.get("field")), String.valueOf(e.get("message")));
                }
            }
        }
        return new ApiProblemException(service, status, text(problem.get("title")), text(problem.get("detail")), fields);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public Service service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
