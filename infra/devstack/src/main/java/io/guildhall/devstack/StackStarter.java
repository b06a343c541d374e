package io.guildhall.devstack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts, or reuses when stack.properties says they already run, the servers and then the
 * services. What it starts it registers in the {@link StopList} before starting it.
 */
final class StackStarter {

    static final List<String> DATABASES = List.of("community", "event", "membership", "analytics");

    /** One line of the ready table. */
    record Row(String name, String address, long pid, String how) {
    }

    private final GuildhallHome home;
    private final StopList stops;
    private final long self = ProcessHandle.current().pid();
    private final Map<String, Row> rows = new ConcurrentHashMap<>();

    StackStarter(GuildhallHome home, StopList stops) {
        this.home = home;
        this.stops = stops;
    }

    Optional<Row> row(String name) {
        return Optional.ofNullable(rows.get(name));
    }

    StackEndpoints infra() throws Exception {
        StackState state = StackState.read(home);
        List<Callable<Void>> starts = new ArrayList<>();

        Optional<StackState.Component> pg = state.running(StackState.POSTGRES);
        if (pg.isPresent()) {
            reuse(pg.get(), "PostgreSQL", () -> stopOrphanPostgres());
        } else {
            Postgres postgres = Postgres.of(home);
            stops.add("PostgreSQL", () -> { postgres.stop(); StackState.forget(home, StackState.POSTGRES, self); });
            starts.add(() -> started(StackState.POSTGRES, "PostgreSQL", postgres.port(), () -> {
                postgres.start();
                return postgres.pid().orElse(-1);
            }));
        }
        Optional<StackState.Component> kafkaRunning = state.running(StackState.KAFKA);
        if (kafkaRunning.isPresent()) {
            reuse(kafkaRunning.get(), "Kafka", () -> stopOrphanTree(kafkaRunning.get()));
        } else {
            KafkaBroker kafka = KafkaBroker.of(home);
            stops.add("Kafka", () -> { kafka.stop(); StackState.forget(home, StackState.KAFKA, self); });
            starts.add(() -> started(StackState.KAFKA, "Kafka", kafka.port(), () -> {
                kafka.start();
                return kafka.pid().orElse(-1);
            }));
        }
        Optional<StackState.Component> kcRunning = state.running(StackState.KEYCLOAK);
        if (kcRunning.isPresent()) {
            reuse(kcRunning.get(), "Keycloak", () -> stopOrphanTree(kcRunning.get()));
        } else {
            Keycloak keycloak = new Keycloak(home, Keycloak.DEFAULT_PORT);
            stops.add("Keycloak", () -> { keycloak.stop(); StackState.forget(home, StackState.KEYCLOAK, self); });
            starts.add(() -> started(StackState.KEYCLOAK, "Keycloak", keycloak.port(), () -> {
                keycloak.start();
                return keycloak.pid().orElse(-1);
            }));
        }
        runInParallel(starts);
        StackEndpoints endpoints = StackState.read(home).endpoints()
                .orElseThrow(() -> new IllegalStateException("The servers stopped right after starting"));
        for (String database : DATABASES) {
            Postgres.createDatabaseIfMissing(endpoints.postgresPort(), database);
        }
        return endpoints;
    }

    private interface Start {
        long start() throws IOException;
    }

    private Void started(String name, String label, int port, Start start) throws IOException {
        long begin = System.nanoTime();
        System.out.printf("  starting %-18s on %s:%d%n", label, Ports.HOST, port);
        long pid = start.start();
        StackState.record(home, new StackState.Component(name, port, pid, self));
        rows.put(name, new Row(label, Ports.HOST + ":" + port, pid, String.format("started in %.1f s", seconds(begin))));
        System.out.printf("  %-27s ready in %.1f s%n", label, seconds(begin));
        return null;
    }

    /**
     * A running component is reused. If the launcher that started it is gone (killed without
     * stopping it), this launcher adopts it, so that its Ctrl-C stops it too.
     */
    private void reuse(StackState.Component c, String label, Runnable stopOrphan) {
        String how;
        if (c.hasLiveOwner()) {
            how = "reused (launcher pid " + c.owner() + ")";
        } else {
            StackState.record(home, new StackState.Component(c.name(), c.port(), c.pid(), self));
            stops.add(label, () -> { stopOrphan.run(); StackState.forget(home, c.name(), self); });
            how = "adopted (its launcher is gone)";
        }
        rows.put(c.name(), new Row(label, Ports.HOST + ":" + c.port(), c.pid(), how));
        System.out.printf("  %-27s %s%n", label, how);
    }

    private void stopOrphanPostgres() {
        try {
            Postgres.stopOrphan(home.postgres());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stopOrphanTree(StackState.Component c) {
        ProcessHandle.of(c.pid()).ifPresent(p -> Processes.stopTree(p, Duration.ofSeconds(20)));
    }

    List<ServiceProcess> services(StackEndpoints endpoints) {
        StackState state = StackState.read(home);
        List<ServiceProcess> launched = new ArrayList<>();
        long begin = System.nanoTime();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Optional<StackState.Component> recorded = state.running(spec.module());
            if (recorded.isPresent() && ServiceProcess.isHealthy(spec)) {
                reuse(recorded.get(), spec.module(), () -> stopOrphanTree(recorded.get()));
            } else if (Ports.isOpen(spec.port()) && ServiceProcess.isHealthy(spec)) {
                rows.put(spec.module(), new Row(spec.module(), spec.baseUrl(), -1, "already running elsewhere (e.g. IDE)"));
                System.out.printf("  %-27s already running elsewhere, not started%n", spec.module());
            } else {
                ServiceProcess service = ServiceProcess.of(home, spec, endpoints, ServiceSpec.ALL);
                stops.add(spec.module(), () -> { service.stop(); StackState.forget(home, spec.module(), self); });
                System.out.printf("  starting %-18s on %s (log %s)%n", spec.module(), spec.baseUrl(), service.log());
                launched.add(service.launch());
            }
        }
        for (ServiceProcess service : launched) {
            service.awaitHealthy();
            ServiceSpec spec = service.spec();
            StackState.record(home, new StackState.Component(spec.module(), spec.port(), service.pid(), self));
            rows.put(spec.module(), new Row(spec.module(), spec.baseUrl(), service.pid(),
                    String.format("healthy after %.1f s", seconds(begin))));
            System.out.printf("  %-27s healthy after %.1f s%n", spec.module(), seconds(begin));
        }
        return launched;
    }

    private static void runInParallel(List<Callable<Void>> tasks) throws Exception {
        if (tasks.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size(), r -> {
            Thread t = new Thread(r, "stack-start");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            tasks.forEach(t -> futures.add(pool.submit(t)));
            for (Future<Void> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
