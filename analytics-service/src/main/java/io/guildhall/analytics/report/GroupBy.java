package io.guildhall.analytics.report;

import io.guildhall.analytics.participation.ProfileVersion;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** How the oversight report groups people: by a profile attribute (as it was on each day) or by community. */
public enum GroupBy {
    DEPARTMENT(ProfileVersion::department),
    LEVEL(ProfileVersion::level),
    LOCATION(ProfileVersion::location),
    COMMUNITY(null);

    public static final String PARAMETER = "groupBy";
    /** A profile without the attribute (e.g. no department in Keycloak) is a group of its own. */
    public static final String UNASSIGNED = "(unassigned)";

    private final Function<ProfileVersion, String> attribute;

    GroupBy(Function<ProfileVersion, String> attribute) {
        this.attribute = attribute;
    }

    public String groupOf(ProfileVersion profile) {
        String value = attribute.apply(profile);
        return value == null || value.isBlank() ? UNASSIGNED : value;
    }

    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the parameter and the values it accepts */
    public static GroupBy parse(String text) {
        return Arrays.stream(values()).filter(value -> value.parameterValue().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Parameter groupBy '" + text
                        + "' is not one of department, level, location, community."));
    }
}
