package io.guildhall.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code .guildhall/stack.properties}: the servers and services launchers started, with port, pid
 * and the pid of the owning launcher ({@code <name>.port}, {@code <name>.pid}, {@code <name>.owner}).
 * A component counts as running when it is recorded and its port accepts connections; a launcher
 * records a component only once it is ready.
 */
public final class StackState {

    public static final String POSTGRES = "postgres";
    public static final String KAFKA = "kafka";
    public static final String KEYCLOAK = "keycloak";
    public static final List<String> INFRA = List.of(POSTGRES, KAFKA, KEYCLOAK);

    /** Serialises writers inside one JVM; the file lock serialises JVMs. */
    private static final Object WRITE_MONITOR = new Object();

    public record Component(String name, int port, long pid, long owner) {

        public boolean isRunning() {
            return Ports.isOpen(port);
        }

        /** False when the launcher that started it died without stopping it (an orphan to adopt). */
        public boolean hasLiveOwner() {
            return Processes.isAlive(owner);
        }
    }

    private final Map<String, Component> components;

    private StackState(Map<String, Component> components) {
        this.components = components;
    }

    public static StackState read(GuildhallHome home) {
        Properties p = new Properties();
        Path file = home.stackProperties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Component> components = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith(".port")) {
                String name = key.substring(0, key.length() - ".port".length());
                components.put(name, new Component(name, Integer.parseInt(p.getProperty(key)),
                        Long.parseLong(p.getProperty(name + ".pid", "-1")),
                        Long.parseLong(p.getProperty(name + ".owner", "-1"))));
            }
        }
        return new StackState(components);
    }

    public Optional<Component> component(String name) {
        return Optional.ofNullable(components.get(name));
    }

    public Optional<Component> running(String name) {
        return component(name).filter(Component::isRunning);
    }

    public List<Component> running() {
        return components.values().stream().filter(Component::isRunning).toList();
    }

    public boolean infraRunning() {
        return INFRA.stream().allMatch(name -> running(name).isPresent());
    }

    /** The endpoints of the running PostgreSQL, Kafka and Keycloak, if all three run. */
    public Optional<StackEndpoints> endpoints() {
        if (!infraRunning()) {
            return Optional.empty();
        }
        return Optional.of(new StackEndpoints(components.get(POSTGRES).port(), components.get(KAFKA).port(),
                components.get(KEYCLOAK).port()));
    }

    public static void record(GuildhallHome home, Component component) {
        update(home, p -> {
            p.setProperty(component.name() + ".port", String.valueOf(component.port()));
            p.setProperty(component.name() + ".pid", String.valueOf(component.pid()));
            p.setProperty(component.name() + ".owner", String.valueOf(component.owner()));
        });
    }

    /** Removes the component, unless another launcher has taken it over meanwhile. */
    public static void forget(GuildhallHome home, String name, long owner) {
        update(home, p -> {
            if (String.valueOf(owner).equals(p.getProperty(name + ".owner"))) {
                p.remove(name + ".port");
                p.remove(name + ".pid");
                p.remove(name + ".owner");
            }
        });
    }

    private static void update(GuildhallHome home, Consumer<Properties> change) {
        synchronized (WRITE_MONITOR) {
            try {
                Files.createDirectories(home.stateDir());
                try (FileChannel channel = FileChannel.open(home.stateLock(), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                    Path file = home.stackProperties();
                    Properties p = new Properties();
                    if (Files.exists(file)) {
                        try (InputStream in = Files.newInputStream(file)) {
                            p.load(in);
                        }
                    }
                    change.accept(p);
                    Path temp = file.resolveSibling("stack.properties.tmp");
                    try (OutputStream out = Files.newOutputStream(temp)) {
                        p.store(out, "Written by the Guildhall launchers; readers check each port before trusting it");
                    }
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
