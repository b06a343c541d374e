package io.guildhall.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A benchmark's results as Markdown: printed to the console and written to target/results-&lt;name&gt;.md. */
public final class Report {

    private final String name;
    private final List<String> lines = new ArrayList<>();

    public Report(String name, String title, String command) {
        this.name = name;
        lines.add("# " + title);
        lines.add("");
        lines.add("- date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        lines.add("- command: `" + command + "`");
        lines.add("- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    public Report fact(String label, String value) {
        lines.add("- " + label + ": " + value);
        return this;
    }

    public Report heading(String text) {
        if (!lines.get(lines.size() - 1).isEmpty()) {
            lines.add("");
        }
        lines.add("## " + text);
        lines.add("");
        return this;
    }

    public Report paragraph(String text) {
        if (!lines.get(lines.size() - 1).isEmpty()) {
            lines.add("");
        }
        lines.add(text);
        return this;
    }

    /** A Markdown table; cells are written as given. */
    public Report table(List<String> header, List<List<String>> rows) {
        if (!lines.get(lines.size() - 1).isEmpty()) {
            lines.add("");
        }
        lines.add("| " + String.join(" | ", header) + " |");
        lines.add("|" + "---|".repeat(header.size()));
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("Row " + row + " does not match header " + header);
            }
            lines.add("| " + String.join(" | ", row) + " |");
        }
        lines.add("");
        return this;
    }

    public String markdown() {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    /** Prints the report and writes it to {@code dir/results-<name>.md}; returns that file. */
    public Path publish(Path dir) {
        String text = markdown();
        System.out.println();
        System.out.println(text);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("results-" + name + ".md");
            Files.writeString(file, text);
            System.out.println("[bench] written to " + file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
