package io.guildhall.support.web;

/** An If-Match precondition names a version that is no longer current: 412. */
public class PreconditionFailedException extends RuntimeException {
    public PreconditionFailedException(String message) {
        super(message);
    }
}
