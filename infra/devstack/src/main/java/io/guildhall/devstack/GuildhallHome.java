package io.guildhall.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository root and the state folder {@code <root>/.guildhall} with its fixed layout.
 * Every launcher and every test JVM must agree on these paths: they are how a second start
 * finds the servers (and the data) of the first.
 */
public final class GuildhallHome {

    private final Path root;

    private GuildhallHome(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static GuildhallHome at(Path root) {
        return new GuildhallHome(root);
    }

    /**
     * The root is the nearest ancestor of the working directory holding both {@code mvnw} and
     * {@code .mvn/}; tests run with a module directory as working directory, so they find it too.
     * {@code -Dguildhall.root} or {@code GUILDHALL_ROOT} override the search.
     */
    public static GuildhallHome locate() {
        String explicit = System.getProperty("guildhall.root", System.getenv("GUILDHALL_ROOT"));
        if (explicit != null && !explicit.isBlank()) {
            return new GuildhallHome(Path.of(explicit));
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve(".mvn"))) {
                return new GuildhallHome(dir);
            }
        }
        throw new IllegalStateException("Not inside the Guildhall checkout (no ancestor of " + start
                + " holds mvnw and .mvn/); set -Dguildhall.root or GUILDHALL_ROOT");
    }

    public Path root() {
        return root;
    }

    public Path stateDir() {
        return root.resolve(".guildhall");
    }

    public Path logs() {
        return stateDir().resolve("logs");
    }

    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    public Path postgres() {
        return stateDir().resolve("postgres");
    }

    public Path kafka() {
        return stateDir().resolve("kafka");
    }

    public Path keycloak() {
        return stateDir().resolve("keycloak");
    }

    public Path tmp() {
        return stateDir().resolve("tmp");
    }

    public Path stackProperties() {
        return stateDir().resolve("stack.properties");
    }

    /** Held (briefly) while stack.properties is rewritten. */
    public Path stateLock() {
        return stateDir().resolve("state.lock");
    }

    /** Held by a test JVM for as long as it decides whether to start a stack and waits for it. */
    public Path startLock() {
        return stateDir().resolve("stack.lock");
    }

    /**
     * Kept across clones on this machine, beside the browser the tests fetch:
     * {@code -Dguildhall.cache} or {@code GUILDHALL_CACHE}, else {@code $XDG_CACHE_HOME/guildhall},
     * else {@code ~/.cache/guildhall}. Only shortcuts live there; deleting it is always safe.
     */
    public Path machineCache() {
        String explicit = System.getProperty("guildhall.cache", System.getenv("GUILDHALL_CACHE"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("guildhall");
    }

    public Path serviceJar(String module) {
        return root.resolve(module).resolve("target").resolve(module + ".jar");
    }
}
