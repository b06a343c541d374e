package io.guildhall.contracts;

/** A message that is not a valid Guildhall CloudEvent: its reason goes into the dead-letter header. */
public class InvalidCloudEventException extends RuntimeException {
    public InvalidCloudEventException(String reason) {
        super(reason);
    }
}
