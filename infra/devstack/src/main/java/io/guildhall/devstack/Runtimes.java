package io.guildhall.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/** Where the build of infra/server-runtimes found the Kafka classpath and the Keycloak dist zip. */
public record Runtimes(String kafkaClasspath, Path keycloakZip, String keycloakVersion) {

    private static final String RESOURCE = "io/guildhall/devstack/guildhall-runtimes.properties";

    public static Runtimes load() {
        try (InputStream in = Runtimes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: build infra/server-runtimes");
            }
            Properties p = new Properties();
            p.load(in);
            return new Runtimes(required(p, "kafka.classpath"), Path.of(required(p, "keycloak.zip")),
                    required(p, "keycloak.version"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalStateException(key + " missing in " + RESOURCE + ": rebuild infra/server-runtimes");
        }
        return value.trim();
    }
}
