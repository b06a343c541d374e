package io.guildhall.gateway.portal;

import io.guildhall.devstack.Ports;
import io.guildhall.devstack.ServiceProcess;
import io.guildhall.devstack.ServiceSpec;
import io.guildhall.testsupport.GuildhallStack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged services a portal test needs, on free ports with fresh databases and consumer groups of their
 * own (so they read every topic from its start), launched together and stopped at the end of the test class.
 */
final class PortalBackends implements AutoCloseable {

    private final List<ServiceProcess> running = new ArrayList<>();
    private final Map<String, String> routes = new LinkedHashMap<>();

    static PortalBackends start(GuildhallStack stack, ServiceSpec... services) {
        PortalBackends backends = new PortalBackends();
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

    /** GUILDHALL_ROUTE_* -> base URL of each started service. */
    Map<String, String> routes() {
        return routes;
    }

    String baseUrl(ServiceSpec service) {
        return routes.get(routeVariable(service));
    }

    private static String routeVariable(ServiceSpec service) {
        return "GUILDHALL_ROUTE_" + service.module().replace("-service", "").toUpperCase();
    }

    @Override
    public void close() {
        running.forEach(ServiceProcess::close);
    }
}
