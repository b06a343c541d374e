package io.guildhall.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service runs with, read from the repository: its main sources and resources, the shared Spring support for
 * the three Spring domain services (the gateway does without it), and the contracts. A deployment descriptor that sets a {@code GUILDHALL_*} variable the
 * service never mentions has a typo or a stale name.
 */
final class ServiceSources {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("GUILDHALL_[A-Z_]+[A-Z]");

    private final String text;

    private ServiceSources(String text) {
        this.text = text;
    }

    static ServiceSources of(String module) {
        List<Path> roots = new ArrayList<>(List.of(ROOT.resolve(module).resolve("src/main")));
        if (List.of("community-service", "event-service", "membership-service").contains(module)) {
            roots.add(ROOT.resolve("infra/spring-support/src/main"));
        }
        // The contracts' code (SafeDefaults reads the profile); not their documents, which name variables to explain them.
        roots.add(ROOT.resolve("infra/contracts/src/main/java"));
        StringBuilder text = new StringBuilder();
        try {
            for (Path root : roots) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        text.append(Files.readString(file)).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceSources(text.toString());
    }

    boolean reads(String variable) {
        return Pattern.compile("\\b" + Pattern.quote(variable) + "\\b").matcher(text).find();
    }

    /** Every GUILDHALL_* name the service's sources mention. */
    Set<String> variables() {
        Set<String> names = new TreeSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }
}
