package io.guildhall.devstack;

import io.guildhall.devstack.demo.DemoData;
import io.guildhall.devstack.demo.DemoPeople;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./guildhall up|infra|reset|help}: runs the dev stack in the foreground until Ctrl-C, or,
 * with {@code --owner-pid N}, until process N exits (how the tests tie a stack to one Maven run).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        long begin = System.nanoTime();
        String command = args.length == 0 ? "help" : args[0];
        Optional<Long> owner = Optional.empty();
        boolean demoData = true;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--owner-pid") && i + 1 < args.length) {
                owner = Optional.of(Long.parseLong(args[++i]));
            } else if (args[i].equals("--no-demo-data")) {
                demoData = false;
            } else {
                usage("Unknown option " + args[i]);
            }
        }
        GuildhallHome home = GuildhallHome.locate();
        switch (command) {
            case "up" -> run(home, true, demoData, owner, begin);
            case "infra" -> run(home, false, false, owner, begin);
            case "reset" -> System.exit(reset(home));
            case "help", "-h", "--help" -> usage(null);
            default -> usage("Unknown command " + command);
        }
    }

    private static void run(GuildhallHome home, boolean withServices, boolean demoData, Optional<Long> owner,
                            long begin) {
        if (withServices) {
            List<String> missing = ServiceSpec.ALL.stream().map(s -> home.serviceJar(s.module()))
                    .filter(jar -> !Files.isRegularFile(jar)).map(Path::toString).toList();
            if (!missing.isEmpty()) {
                System.err.println("Cannot start the services, these jars are missing (did the build fail?):");
                missing.forEach(jar -> System.err.println("  " + jar));
                System.exit(1);
            }
        }
        StopList stops = new StopList();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!stops.isEmpty()) {
                System.out.println();
                System.out.println("Stopping what this launcher started:");
            }
            stops.stopAll();
            Processes.stopAllStartedByThisJvm(Duration.ofSeconds(10));
        }, "guildhall-stop"));
        owner.ifPresent(Launcher::exitWhenOwnerExits);

        System.out.println((withServices ? "Starting the Guildhall stack" : "Starting the Guildhall servers")
                + " (state in " + home.stateDir() + ")");
        StackStarter starter = new StackStarter(home, stops);
        try {
            StackEndpoints endpoints = starter.infra();
            if (demoData) {
                // Before the services: membership-service's first directory sync then brings them all in.
                registerDemoPeople(endpoints);
            }
            if (withServices) {
                starter.services(endpoints);
            }
            if (demoData) {
                loadDemoData(endpoints);
            }
            ReadyTable.print(System.out, home, starter, endpoints, withServices, StackStarter.seconds(begin));
        } catch (Exception e) {
            System.err.println();
            System.err.println("FAILED: " + e.getMessage());
            System.exit(1);
        }
        if (stops.isEmpty()) {
            System.out.println("  Everything was already running; nothing for this launcher to keep alive.");
            System.exit(0);
        }
        System.out.println(owner.map(pid -> "  Stops when process " + pid + " exits.")
                .orElse("  Press Ctrl-C to stop everything this launcher started."));
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void registerDemoPeople(StackEndpoints endpoints) {
        try {
            DemoPeople.register(endpoints.keycloakUrl(), System.out);
        } catch (RuntimeException e) {
            System.out.println("  Demo people: not registered (" + e.getMessage() + "); the demo has its 24 people only.");
        }
    }

    /** Demo data is a convenience: a stack that could not load it still runs, and says why. */
    private static void loadDemoData(StackEndpoints endpoints) {
        try {
            DemoData.load(endpoints.issuer(), ServiceSpec::baseUrl, System.out);
        } catch (RuntimeException e) {
            System.out.println("  Demo data: not loaded (" + e.getMessage() + "); the stack runs without it.");
        }
    }

    private static void exitWhenOwnerExits(long pid) {
        Optional<ProcessHandle> owner = ProcessHandle.of(pid);
        if (owner.isEmpty() || !owner.get().isAlive()) {
            System.err.println("Owner process " + pid + " is not running");
            System.exit(1);
        }
        owner.get().onExit().thenRun(() -> {
            System.out.println("Owner process " + pid + " exited");
            System.exit(0);
        });
    }

    /** Wipes the data of PostgreSQL, Kafka and Keycloak, keeping the unpacked (and built) Keycloak dist. */
    static int reset(GuildhallHome home) {
        List<StackState.Component> running = StackState.read(home).running();
        if (!running.isEmpty()) {
            System.err.println("Refusing to reset: still running (stop their launcher first):");
            running.forEach(c -> System.err.printf("  %-19s port %d, pid %d, launcher pid %d%n", c.name(), c.port(),
                    c.pid(), c.owner()));
            return 1;
        }
        try {
            Files.createDirectories(home.stateDir());
            try (FileChannel channel = FileChannel.open(home.startLock(), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    System.err.println("Refusing to reset: a test run is starting a stack (" + home.startLock() + ")");
                    return 1;
                }
                List<Path> wiped = new ArrayList<>(List.of(home.postgres().resolve("data"), home.kafka(), home.tmp(),
                        home.logs(), home.stackProperties()));
                if (Files.isDirectory(home.keycloak())) {
                    try (var versions = Files.list(home.keycloak())) {
                        versions.map(v -> v.resolve("data")).forEach(wiped::add);
                    }
                }
                for (Path path : wiped) {
                    if (Files.exists(path)) {
                        KafkaBroker.deleteRecursively(path);
                        System.out.println("  wiped " + path);
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("Reset failed: " + e);
            return 1;
        }
        System.out.println("Reset done; the next start re-creates the databases, topics and the realm.");
        return 0;
    }

    private static void usage(String error) {
        if (error != null) {
            System.err.println(error);
        }
        System.out.println(String.join(System.lineSeparator(),
                "Usage: ./guildhall <command> [--owner-pid N] [--no-demo-data]",
                "",
                "  up     PostgreSQL, Kafka and Keycloak, then the five services and the demo data (once);",
                "         prints URLs and demo logins",
                "  infra  only PostgreSQL, Kafka and Keycloak (run a service from your IDE, or tests reuse them)",
                "  reset  wipe the servers' data in .guildhall/ (refused while a stack runs)",
                "  help   this text",
                "",
                "  --owner-pid N   stop everything when process N exits",
                "  --no-demo-data  up without loading the demo organisation's communities, events and contributions",
                "",
                "Servers already running (per .guildhall/stack.properties) are reused, not started twice.",
                "Ctrl-C stops everything this launcher started, in reverse order."));
        System.exit(error == null ? 0 : 2);
    }
}
