package io.guildhall.analytics.rebuild;

/** A rebuild that could not start: one is running already (a conflict), or a step timed out. */
public class RebuildException extends RuntimeException {

    private final boolean conflict;

    RebuildException(boolean conflict, String message) {
        super(message);
        this.conflict = conflict;
    }

    public boolean isConflict() {
        return conflict;
    }
}
