package io.guildhall.support.web;

/** The request clashes with the current state (a duplicate name, a rule of the domain): 409. */
public class ConflictException extends RuntimeException {
    private final String field;

    public ConflictException(String message) {
        this(null, message);
    }

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
