package io.guildhall.benchmarks;

import io.guildhall.benchmarks.burst.BurstBenchmark;
import io.guildhall.benchmarks.freshness.FreshnessBenchmark;
import io.guildhall.benchmarks.gateway.GatewayBenchmark;
import io.guildhall.benchmarks.ingest.IngestBenchmark;
import io.guildhall.testsupport.GuildhallStack;

import java.util.Arrays;
import java.util.List;

/**
 * {@code infra/benchmarks/run [gateway|ingest|freshness|burst|all|drills|scale|scaleout] [key=value ...]}: runs the benchmarks against
 * {@link GuildhallStack#shared()} (a running {@code ./guildhall infra}, or servers it starts), prints each report and
 * writes it to {@code infra/benchmarks/target/results-<name>.md} (and {@code .html}).
 */
public final class BenchmarkMain {

    private static final List<Benchmark> ALL = List.of(new GatewayBenchmark(), new IngestBenchmark(), new FreshnessBenchmark(), new BurstBenchmark());
    /** Run only when named: fault drills, and the scale benchmark (tens of minutes at its full size). */
    private static final List<Benchmark> ON_REQUEST = List.of(new io.guildhall.benchmarks.drills.DrillsBenchmark(),
            new io.guildhall.benchmarks.scale.ScaleBenchmark(), new io.guildhall.benchmarks.scaleout.ScaleOutBenchmark());

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        String which = args.length == 0 ? "all" : args[0];
        List<Benchmark> selected = which.equals("all") ? ALL
                : java.util.stream.Stream.concat(ALL.stream(), ON_REQUEST.stream()).filter(b -> b.name().equals(which)).toList();
        if (selected.isEmpty()) {
            System.err.println("Usage: infra/benchmarks/run [gateway|ingest|freshness|burst|all|drills|scale|scaleout] [key=value ...]");
            System.exit(2);
        }
        Options options = Options.parse(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        String command = ("infra/benchmarks/run " + String.join(" ", args)).trim();
        int failures = 0;
        try (BenchContext context = new BenchContext(GuildhallStack.shared(), options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(context::close, "bench-cleanup"));
            for (Benchmark benchmark : selected) {
                System.out.println("[bench] ==== " + benchmark.name() + " ====");
                try {
                    benchmark.run(context, command).publish(context.resultsDir());
                } catch (Exception e) {
                    failures++;
                    System.err.println("[bench] " + benchmark.name() + " failed:");
                    e.printStackTrace();
                } finally {
                    context.stopServices();
                }
            }
        }
        // The HTTP and Kafka clients keep non-daemon threads; the work is done.
        System.exit(failures == 0 ? 0 : 1);
    }
}
