package io.guildhall.support.web;

/** A field of the request breaks a rule that bean validation cannot express: 400 naming the field. */
public class InvalidFieldException extends RuntimeException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
