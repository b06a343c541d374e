package io.guildhall.contracts.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * No development secret outside development. Every service runs in one of two profiles, named by
 * {@code GUILDHALL_PROFILE} (property {@code guildhall.profile}): {@code dev}, which {@code ./guildhall up}, the tests
 * and docker-compose set, and anything else, which is an installation for real people and the default when nothing
 * is set. Outside dev a service refuses to start while a setting still holds one of the values the repository
 * publishes (the dev realm's client secrets, the embedded PostgreSQL's password) or while the portal's session cookie
 * is not marked secure, naming each setting and the variable that sets it. Written once here for the Spring services
 * and analytics (Micronaut) alike.
 */
public final class SafeDefaults {

    public static final String PROFILE_PROPERTY = "guildhall.profile";
    public static final String PROFILE_VARIABLE = "GUILDHALL_PROFILE";
    public static final String DEV = "dev";

    /** Values committed to this repository for development: known to everyone, so never a secret. */
    static final Set<String> DEVELOPMENT_VALUES = Set.of("postgres", "guildhall-gateway-secret",
            "guildhall-membership-secret", "demo", "admin");

    /** A setting to check: its property, the environment variable that sets it, and its value. */
    public record Setting(String property, String variable, String value) {
    }

    private final String profile;
    private final List<Setting> secrets = new ArrayList<>();
    private final Map<String, String> mustBeTrue = new LinkedHashMap<>();

    private SafeDefaults(String profile) {
        this.profile = profile == null || profile.isBlank() ? "production" : profile.strip();
    }

    public static SafeDefaults forProfile(String profile) {
        return new SafeDefaults(profile);
    }

    public boolean dev() {
        return DEV.equalsIgnoreCase(profile);
    }

    /** A secret or password that must not be a development value outside dev. */
    public SafeDefaults secret(String property, String variable, String value) {
        secrets.add(new Setting(property, variable, value));
        return this;
    }

    /** A switch that must be on outside dev (for example the session cookie's secure flag). */
    public SafeDefaults on(String property, String variable, String value) {
        mustBeTrue.put(property + " (" + variable + ")", value);
        return this;
    }

    /** What is unsafe for this profile; empty in dev. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (dev()) {
            return problems;
        }
        for (Setting setting : secrets) {
            String value = setting.value() == null ? "" : setting.value().strip();
            if (value.isEmpty()) {
                problems.add(setting.property() + " is empty: set " + setting.variable());
            } else if (DEVELOPMENT_VALUES.contains(value)) {
                problems.add(setting.property() + " still has the development value published in the repository:"
                        + " set " + setting.variable() + " to this installation's own");
            }
        }
        mustBeTrue.forEach((setting, value) -> {
            if (!"true".equalsIgnoreCase(value == null ? "" : value.strip())) {
                problems.add(setting + " must be true outside development (the portal is served over TLS)");
            }
        });
        return problems;
    }

    /** Throws, naming every unsafe setting, unless the profile is dev or nothing is unsafe. */
    public void require(String service) {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(service + " refuses to start with development settings in profile '"
                    + profile + "':\n  - " + String.join("\n  - ", problems) + "\nFor development set "
                    + PROFILE_VARIABLE + "=" + DEV + " (./guildhall up, the tests and docker-compose.yml do).");
        }
    }
}
