package io.guildhall.analytics.participation;

/** A {@code period} parameter that is malformed, in the future or too long; its message names the parameter. */
public class InvalidPeriodException extends IllegalArgumentException {

    public InvalidPeriodException(String message) {
        super(message);
    }
}
