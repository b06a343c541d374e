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
 * The packaged services the portal tests talk to, and which of them a test class routes the gateway to. The
 * services are started once per test JVM, all together, on free ports with fresh databases and consumer groups
 * of their own (so they read every topic from its start), and stopped when the JVM exits: starting them is most
 * of a portal test's time, and every portal test class shares them. A service a class does not route to is down
 * for its gateway: the route points at a port nothing listens on, whether or not the service runs.
 */
public final class PortalBackends {

    private static final List<ServiceSpec> ALL = List.of(ServiceSpec.COMMUNITY, ServiceSpec.EVENT, ServiceSpec.MEMBERSHIP,
            ServiceSpec.ANALYTICS);
    /** What any portal test routes to; membership also runs for the analytics test, which it sends the directory. */
    private static final List<ServiceSpec> STARTED = List.of(ServiceSpec.COMMUNITY, ServiceSpec.MEMBERSHIP,
            ServiceSpec.ANALYTICS);

    /** Base URL per service, once started; guarded by the class. */
    private static Map<ServiceSpec, String> running;

    private final Map<ServiceSpec, String> routed = new LinkedHashMap<>();
    private final GuildhallStack stack;

    private PortalBackends(GuildhallStack stack) {
        this.stack = stack;
    }

    /** Every service down. */
    public static PortalBackends none(GuildhallStack stack) {
        return new PortalBackends(stack);
    }

    /** The gateway routed to {@code services} (started on first use), every other service down. */
    public static PortalBackends routing(GuildhallStack stack, ServiceSpec... services) {
        Map<ServiceSpec, String> started = started(stack);
        PortalBackends backends = new PortalBackends(stack);
        for (ServiceSpec service : services) {
            String url = started.get(service);
            if (url == null) {
                throw new IllegalArgumentException(service.module() + " is not among the portal tests' services " + STARTED);
            }
            backends.routed.put(service, url);
        }
        return backends;
    }

    private static synchronized Map<ServiceSpec, String> started(GuildhallStack stack) {
        if (running != null) {
            return running;
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ServiceProcess> processes = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(ServiceProcess::close),
                "portal-backends-stop"));
        Map<ServiceSpec, String> urls = new LinkedHashMap<>();
        for (ServiceSpec service : STARTED) {
            ServiceSpec spec = service.onPort(Ports.free())
                    .withDatabase(stack.freshDatabase("portal_" + service.database().orElseThrow()));
            Map<String, String> env = new LinkedHashMap<>(stack.endpoints().environment(spec, List.of()));
            env.put("GUILDHALL_KAFKA_CONSUMER_GROUP", spec.module() + "-portal-" + run);
            processes.add(new ServiceProcess(spec, stack.home().serviceJar(spec.module()),
                    stack.home().log("portal-it-" + spec.module()), env).launch());
            urls.put(service, spec.baseUrl());
        }
        processes.forEach(ServiceProcess::awaitHealthy);
        running = Map.copyOf(urls);
        return running;
    }

    /** The gateway's settings: the shared Keycloak, the routed services, the others a closed port. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("GUILDHALL_ISSUER", stack::issuerUri);
        int closed = Ports.free();
        for (ServiceSpec service : ALL) {
            String url = routed.getOrDefault(service, "http://127.0.0.1:" + closed);
            registry.add(routeVariable(service), () -> url);
        }
    }

    /** The base URL of a routed service, for calls straight at it. */
    public String baseUrl(ServiceSpec service) {
        String url = routed.get(service);
        if (url == null) {
            throw new IllegalArgumentException(service.module() + " is not routed in this test; routed: " + routed.keySet());
        }
        return url;
    }

    private static String routeVariable(ServiceSpec service) {
        return "GUILDHALL_ROUTE_" + service.module().replace("-service", "").toUpperCase();
    }
}
