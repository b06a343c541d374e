package io.guildhall.benchmarks;

import io.guildhall.benchmarks.report.Report;

/** One on-demand measurement: starts what it needs through the context and returns its report. */
public interface Benchmark {

    String name();

    Report run(BenchContext context, String command) throws Exception;
}
