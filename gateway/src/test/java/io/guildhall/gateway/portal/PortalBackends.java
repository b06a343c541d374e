package io.guildhall.gateway.portal;

import io.guildhall.devstack.Ports;
import io.guildhall.devstack.ServiceProcess;
import io.guildhall.devstack.ServiceSpec;
import io.guildhall.testsupport.GuildhallStack;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged services a portal test needs, on free ports with fresh databases and consumer groups of their
 * own (so they read every topic from its start), launched together and stopped at the end of the test class.
 * The services not started are down for the gateway: their routes point at a port nothing listens on.
 */
public final class PortalBackends implements AutoCloseable {

    private static final List<ServiceSpec> ALL = List.of(ServiceSpec.COMMUNITY, ServiceSpec.EVENT, ServiceSpec.MEMBERSHIP,
            ServiceSpec.ANALYTICS);

    /** Started and not yet stopped: {@link #closeAll()} stops them after each test class. */
    private static final List<PortalBackends> OPEN = new ArrayList<>();

    private final List<ServiceProcess> running = new ArrayList<>();
    private final Map<String, String> routes = new LinkedHashMap<>();
    private final GuildhallStack stack;

    private PortalBackends(GuildhallStack stack) {
        this.stack = stack;
        synchronized (OPEN) {
            OPEN.add(this);
        }
    }

    /** Every service down. */
    public static PortalBackends none(GuildhallStack stack) {
        return new PortalBackends(stack);
    }

    public static PortalBackends start(GuildhallStack stack, ServiceSpec... services) {
        PortalBackends backends = new PortalBackends(stack);
        String run = UUID.randomUUID().toString().substring(0, 8);
        try {
            for (ServiceSpec service : services) {
                ServiceSpec spec = service.onPort(Ports.free())
                        .withDatabase(stack.freshDatabase("portal_" + service.database().orElseThrow()));
                Map<String, String> env = new LinkedHashMap<>(stack.endpoints().environment(spec, List.of()));
                env.put("GUILDHALL_KAFKA_CONSUMER_GROUP", spec.module() + "-portal-" + run);
                backends.running.add(new ServiceProcess(spec, stack.home().serviceJar(spec.module()),
                        stack.home().log("portal-it-" + spec.module()), env).launch());
                backends.routes.put(routeVariable(service), spec.baseUrl());
            }
            backends.running.forEach(ServiceProcess::awaitHealthy);
            return backends;
        } catch (RuntimeException e) {
            backends.close();
            throw e;
        }
    }

    /** The gateway's settings: the shared Keycloak, the started services' routes, the others' a closed port. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("GUILDHALL_ISSUER", stack::issuerUri);
        int closed = Ports.free();
        for (ServiceSpec service : ALL) {
            String url = routes.getOrDefault(routeVariable(service), "http://127.0.0.1:" + closed);
            registry.add(routeVariable(service), () -> url);
        }
    }

    public String baseUrl(ServiceSpec service) {
        return routes.get(routeVariable(service));
    }

    private static String routeVariable(ServiceSpec service) {
        return "GUILDHALL_ROUTE_" + service.module().replace("-service", "").toUpperCase();
    }

    /** Stops every service started by the test class that just ran (its static fields started them). */
    static void closeAll() {
        synchronized (OPEN) {
            OPEN.forEach(PortalBackends::close);
            OPEN.clear();
        }
    }

    @Override
    public void close() {
        running.forEach(ServiceProcess::close);
    }
}
