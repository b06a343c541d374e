package io.guildhall.benchmarks.freshness;

/** One place where a check-in becomes visible; polled until it shows the attendance. */
interface Probe extends AutoCloseable {

    String label();

    /** Called just before the check-in, e.g. to read what the report showed until then. */
    default void prepare() throws Exception {
    }

    boolean shows(String eventId, String personId, int minutes) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
