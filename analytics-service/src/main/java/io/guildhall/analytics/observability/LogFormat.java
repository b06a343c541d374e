package io.guildhall.analytics.observability;

/**
 * Picks analytics-service's log format before anything logs, from the setting the Spring services read:
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} (or {@code -Dlogging.structured.format.console=ecs}) writes one ECS
 * JSON object per line ({@code logback-ecs.xml}); otherwise the plain lines of {@code logback.xml}. An explicit
 * {@code -Dlogback.configurationFile} wins.
 */
public final class LogFormat {

    static final String ECS_CONFIGURATION = "logback-ecs.xml";

    private LogFormat() {
    }

    /**
     * Call first thing in {@code main}.
     *
     * @return whether the lines are JSON: then nothing else may write to the console (no banner)
     */
    public static boolean choose() {
        String format = System.getProperty("logging.structured.format.console",
                System.getenv("LOGGING_STRUCTURED_FORMAT_CONSOLE"));
        if (format == null || format.isBlank()) {
            return false;
        }
        if (!format.strip().equalsIgnoreCase("ecs")) {
            throw new IllegalArgumentException("logging.structured.format.console: analytics-service writes ecs or"
                    + " plain lines (unset), not " + format);
        }
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", ECS_CONFIGURATION);
        }
        return true;
    }
}
