package io.guildhall.devstack;

import java.io.PrintStream;
import java.util.List;

/** The table a launcher prints once everything is up: where things are and how to log in. */
final class ReadyTable {

    private ReadyTable() {
    }

    static void print(PrintStream out, GuildhallHome home, StackStarter stack, StackEndpoints endpoints,
                      boolean withServices, double seconds) {
        out.println();
        out.printf("Guildhall %s ready in %.1f s%n", withServices ? "stack" : "infrastructure", seconds);
        out.println();
        String format = "  %-19s %-42s %-8s %s%n";
        out.printf(format, "WHAT", "WHERE", "PID", "");
        if (withServices) {
            out.printf(format, "portal (gateway)", "http://localhost:8080", "", "log in as a demo user below");
            for (ServiceSpec spec : ServiceSpec.ALL) {
                stack.row(spec.module()).ifPresent(row -> out.printf(format, spec.module(),
                        spec.baseUrl() + "  (health " + spec.healthPath() + ")", pid(row), row.how()));
            }
        }
        stack.row(StackState.POSTGRES).ifPresent(row -> out.printf(format, "PostgreSQL", row.address(), pid(row),
                row.how()));
        out.printf(format, "", endpoints.jdbcUrl("<db>"), "", "db: " + String.join(", ", StackStarter.DATABASES)
                + "; user " + Postgres.USERNAME + " / " + Postgres.PASSWORD + "; fsync off");
        stack.row(StackState.KAFKA).ifPresent(row -> out.printf(format, "Kafka (KRaft)", row.address(), pid(row),
                row.how()));
        stack.row(StackState.KEYCLOAK).ifPresent(row -> out.printf(format, "Keycloak", row.address(), pid(row),
                row.how()));
        out.printf(format, "", endpoints.keycloakUrl() + "/admin", "",
                "master admin " + Keycloak.ADMIN_USERNAME + " / " + Keycloak.ADMIN_PASSWORD);
        out.printf(format, "", endpoints.issuer(), "", "issuer, audience " + StackEndpoints.AUDIENCE);
        out.println();
        out.println("  Demo logins (password \"demo\", dev only):");
        for (List<String> user : List.of(
                List.of("ada", "employee", "Engineering, IC, Berlin"),
                List.of("grace", "employee, community-lead", "Engineering, manager, London"),
                List.of("katherine", "employee, executive", "Operations, executive, London"))) {
            out.printf("    %-10s %-26s %s%n", user.get(0), user.get(1), user.get(2));
        }
        out.println();
        out.println("  Memory (PSS of each process tree, shared pages counted once): " + memory(stack, withServices));
        out.println("  State " + home.stateDir() + ", logs " + home.logs());
    }

    private static String memory(StackStarter stack, boolean withServices) {
        StringBuilder text = new StringBuilder();
        long total = 0;
        List<String> names = new java.util.ArrayList<>(StackState.INFRA);
        if (withServices) {
            ServiceSpec.ALL.forEach(s -> names.add(s.module()));
        }
        for (String name : names) {
            StackStarter.Row row = stack.row(name).orElse(null);
            if (row != null && row.pid() > 0) {
                long mib = Memory.rssMiB(row.pid());
                total += mib;
                text.append(row.name()).append(' ').append(mib).append(" MiB, ");
            }
        }
        long launcher = Memory.ownRssMiB(ProcessHandle.current().pid());
        return text.append("launcher ").append(launcher).append(" MiB; total ").append(total + launcher)
                .append(" MiB").toString();
    }

    private static String pid(StackStarter.Row row) {
        return row.pid() > 0 ? String.valueOf(row.pid()) : "";
    }
}
