package io.guildhall.e2e;

import io.guildhall.devstack.Ports;
import io.guildhall.devstack.ServiceProcess;
import io.guildhall.devstack.ServiceSpec;
import io.guildhall.testsupport.GuildhallStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole platform for the end-to-end tests: the four packaged services on free ports with fresh databases of
 * their own, and the gateway on 18080 (the one test port the realm accepts as a sign-in redirect). Started once
 * per test JVM by {@link PlatformExtension}, shared by every test class, stopped when the test run ends.
 */
public final class Platform implements AutoCloseable {

    /** Registered in the realm as a redirect URI of the portal's client (see infra/keycloak). */
    static final int GATEWAY_PORT = 18080;
    private static final String VERSION = "0.1.0-SNAPSHOT";

    private final GuildhallStack stack;
    private final List<ServiceProcess> running;
    private final ServiceSpec gateway;
    private final OtlpReceiver traces;

    private Platform(GuildhallStack stack, List<ServiceProcess> running, ServiceSpec gateway, OtlpReceiver traces) {
        this.stack = stack;
        this.running = running;
        this.gateway = gateway;
        this.traces = traces;
    }

    static Platform start() {
        GuildhallStack stack = GuildhallStack.shared();
        if (Ports.isOpen(GATEWAY_PORT)) {
            throw new IllegalStateException("Port " + GATEWAY_PORT + " is taken: another end-to-end run (or a gateway"
                    + " started by hand) is using it; only one run at a time can sign in through the portal");
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ServiceSpec> backends = new ArrayList<>();
        for (ServiceSpec spec : List.of(ServiceSpec.COMMUNITY, ServiceSpec.EVENT, ServiceSpec.MEMBERSHIP, ServiceSpec.ANALYTICS)) {
            String database = stack.freshDatabase("e2e_" + spec.database().orElseThrow());
            backends.add(spec.onPort(Ports.free()).withDatabase(database));
        }
        List<ServiceProcess> running = new ArrayList<>();
        // Every service exports its spans to the tests' OTLP receiver and writes ECS JSON log lines, as they would
        // in production with a collector and a log pipeline.
        OtlpReceiver traces = OtlpReceiver.start();
        Map<String, String> observability = Map.of(
                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", traces.tracesUrl(),
                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "500ms",
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        try {
            // Launch the four back ends at once, then wait for each: start-up is the slow part. The gateway comes
            // last: on a busy 2-core machine a fifth JVM starting alongside pushes the others past their timeout.
            for (ServiceSpec spec : backends) {
                Map<String, String> env = new LinkedHashMap<>(stack.endpoints().environment(spec, List.of()));
                // Consumer groups of this run's own, reading every topic from its start.
                env.put("GUILDHALL_KAFKA_CONSUMER_GROUP", spec.module() + "-e2e-" + run);
                env.putAll(observability);
                running.add(new ServiceProcess(spec, jarOf(stack, spec.module()),
                        stack.home().log("e2e-" + spec.module()), env).launch());
            }
            running.forEach(ServiceProcess::awaitHealthy);
            ServiceSpec gateway = ServiceSpec.GATEWAY.onPort(GATEWAY_PORT);
            Map<String, String> gatewayEnv = new LinkedHashMap<>(stack.endpoints().environment(gateway, backends));
            gatewayEnv.putAll(observability);
            running.add(new ServiceProcess(gateway, jarOf(stack, gateway.module()), stack.home().log("e2e-gateway"),
                    gatewayEnv).start());
            return new Platform(stack, running, gateway, traces);
        } catch (RuntimeException e) {
            stopAll(running);
            traces.close();
            throw e;
        }
    }

    /**
     * A private copy of the module's packaged jar (its target/ jar, else the one installed in the local Maven
     * repository), so that a rebuild of that module while the tests run cannot pull the jar from under them.
     */
    private static Path jarOf(GuildhallStack stack, String module) {
        Path built = stack.home().serviceJar(module);
        Path installed = Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "guildhall", module,
                VERSION, module + "-" + VERSION + ".jar");
        Path source = Files.isRegularFile(built) ? built : installed;
        if (!Files.isRegularFile(source)) {
            throw new IllegalStateException(module + ": neither " + built + " nor " + installed
                    + " exists; build it with ./mvnw -B -DskipTests install");
        }
        try {
            Path copy = Browser.TARGET.resolve("service-jars").resolve(module + ".jar");
            Files.createDirectories(copy.getParent());
            return Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Copying " + source, e);
        }
    }

    GuildhallStack stack() {
        return stack;
    }

    ServiceSpec gateway() {
        return gateway;
    }

    /** The gateway's URL of {@code path}, e.g. {@code /events}. */
    String url(String path) {
        return gateway.baseUrl() + path;
    }

    List<ServiceProcess> services() {
        return Collections.unmodifiableList(running);
    }

    /** The spans the services exported. */
    OtlpReceiver traces() {
        return traces;
    }

    @Override
    public void close() {
        stopAll(running);
        traces.close();
    }

    private static void stopAll(List<ServiceProcess> processes) {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }
}
