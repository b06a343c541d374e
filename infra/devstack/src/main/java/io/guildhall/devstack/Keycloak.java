package io.guildhall.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keycloak in dev mode (its dev-file H2 database kept between starts) with the guildhall realm
 * imported. No build-time option is ever passed, so only the very first start re-augments.
 */
public final class Keycloak implements AutoCloseable {

    public static final int DEFAULT_PORT = 8180;
    public static final String REALM = "guildhall";
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    private static final String REALM_RESOURCE = "keycloak/guildhall-realm.json";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final GuildhallHome home;
    private final int port;
    private final Path log;
    private final AtomicReference<Process> process = new AtomicReference<>();

    public Keycloak(GuildhallHome home, int port) {
        this.home = home;
        this.port = port;
        this.log = home.log("keycloak");
    }

    public static String url(int port) {
        return "http://" + Ports.HOST + ":" + port;
    }

    public static String issuer(int port) {
        return url(port) + "/realms/" + REALM;
    }

    public void start() throws IOException {
        Ports.requireFree(port, "Keycloak");
        Runtimes runtimes = Runtimes.load();
        Path built = home.machineCache().resolve("keycloak").resolve(runtimes.keycloakVersion());
        Path dist = KeycloakDist.unpacked(runtimes.keycloakZip(), home.keycloak(), runtimes.keycloakVersion(), built);
        prepareRealmImport(dist.resolve("data"));
        Process started = Processes.start(List.of("/bin/bash", dist.resolve("bin").resolve("kc.sh").toString(),
                        "start-dev", "--http-port=" + port, "--http-host=" + Ports.HOST,
                        // Pins the issuer, whatever host name a client used to reach Keycloak.
                        "--hostname=" + url(port), "--import-realm"),
                dist, Map.of(
                        "JAVA_HOME", System.getProperty("java.home"),
                        "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                        "JAVA_OPTS_KC_HEAP", "-Xms32m -Xmx256m",
                        "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1"),
                log);
        process.set(started);
        try {
            String discovery = issuer(port) + "/.well-known/openid-configuration";
            Readiness.await("Keycloak on port " + port, READY_TIMEOUT, started.toHandle(), log,
                    () -> Http.get(discovery).status() == 200);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        keepBuilt(dist, built);
    }

    /** Ready means built: the first built dist of a version goes to the machine's cache (a shortcut only). */
    private static void keepBuilt(Path dist, Path built) {
        try {
            if (KeycloakDist.keepBuilt(dist, built)) {
                System.out.println("Keycloak: kept the built dist in " + built + " for the next fresh clone");
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("Keycloak: could not keep the built dist in " + built + " (" + e + "); "
                    + "the next fresh clone unpacks and builds it again");
        }
    }

    /**
     * --import-realm skips a realm that already exists, so a changed realm file would be ignored
     * by the kept database. The file's hash is remembered; when it changes, the dev database is
     * dropped and the realm imported afresh.
     */
    private void prepareRealmImport(Path data) throws IOException {
        byte[] realm;
        try (InputStream in = Keycloak.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(REALM_RESOURCE + " is not on the classpath: build infra/keycloak");
            }
            realm = in.readAllBytes();
        }
        String hash = sha256(realm);
        Path hashFile = data.resolve("guildhall-realm.sha256");
        Path database = data.resolve("h2");
        if (Files.exists(database) && !(Files.exists(hashFile) && Files.readString(hashFile).trim().equals(hash))) {
            System.out.println("Keycloak: the realm file changed, re-creating Keycloak's dev database");
            KafkaBroker.deleteRecursively(database);
        }
        Files.createDirectories(data.resolve("import"));
        Files.write(data.resolve("import").resolve("guildhall-realm.json"), realm);
        Files.writeString(hashFile, hash + "\n");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public OptionalLong pid() {
        Process p = process.get();
        return p == null ? OptionalLong.empty() : OptionalLong.of(p.pid());
    }

    /** kc.sh runs Keycloak's JVM as its child: the whole tree goes. */
    public void stop() {
        Process p = process.getAndSet(null);
        if (p != null) {
            Processes.stopTree(p.toHandle(), STOP_GRACE);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
