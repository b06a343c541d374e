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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A benchmark's results: printed to the console as Markdown and written to target/results-&lt;name&gt;.md, and as a
 * page to open in a browser, target/results-&lt;name&gt;.html (the same facts, headings, paragraphs and tables).
 */
public final class Report {

    private sealed interface Block permits Fact, Heading, Paragraph, Table {
    }

    private record Fact(String label, String value) implements Block {
    }

    private record Heading(String text) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");

    private final String name;
    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    public Report(String name, String title, String command) {
        this.name = name;
        this.title = title;
        fact("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        fact("command", "`" + command + "`");
        fact("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    public Report fact(String label, String value) {
        blocks.add(new Fact(label, value));
        return this;
    }

    public Report heading(String text) {
        blocks.add(new Heading(text));
        return this;
    }

    public Report paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    /** A table; cells are written as given (Markdown: `code` and **bold** are rendered in the HTML page). */
    public Report table(List<String> header, List<List<String>> rows) {
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("Row " + row + " does not match header " + header);
            }
        }
        blocks.add(new Table(List.copyOf(header), rows.stream().map(List::copyOf).toList()));
        return this;
    }

    public String markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("# " + title);
        lines.add("");
        for (Block block : blocks) {
            if (!(block instanceof Fact) && !lines.get(lines.size() - 1).isEmpty()) {
                lines.add("");
            }
            if (block instanceof Fact fact) {
                lines.add("- " + fact.label() + ": " + fact.value());
            } else if (block instanceof Heading heading) {
                lines.add("## " + heading.text());
                lines.add("");
            } else if (block instanceof Paragraph paragraph) {
                lines.add(paragraph.text());
            } else if (block instanceof Table table) {
                lines.add("| " + String.join(" | ", table.header()) + " |");
                lines.add("|" + "---|".repeat(table.header().size()));
                table.rows().forEach(row -> lines.add("| " + String.join(" | ", row) + " |"));
                lines.add("");
            }
        }
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    /** The same report as a self-contained HTML page. */
    public String html() {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>""").append(escape(title)).append("""
                </title>
                <style>
                body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 90rem; padding: 0 1rem; color: #1d2330; }
                h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
                dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
                dt { font-weight: 600; } dd { margin: 0; }
                .scroll { overflow-x: auto; }
                table { border-collapse: collapse; margin: 1rem 0; font-variant-numeric: tabular-nums; }
                th, td { border: 1px solid #c9ced8; padding: .35rem .6rem; text-align: left; vertical-align: top; }
                th { background: #eef1f6; }
                code { background: #eef1f6; padding: 0 .2rem; border-radius: 3px; }
                </style>
                </head>
                <body>
                <h1>""").append(escape(title)).append("</h1>\n");
        boolean inFacts = false;
        for (Block block : blocks) {
            if (inFacts && !(block instanceof Fact)) {
                page.append("</dl>\n");
                inFacts = false;
            }
            if (block instanceof Fact fact) {
                if (!inFacts) {
                    page.append("<dl>\n");
                    inFacts = true;
                }
                page.append("<dt>").append(inline(fact.label())).append("</dt><dd>").append(inline(fact.value()))
                        .append("</dd>\n");
            } else if (block instanceof Heading heading) {
                page.append("<h2>").append(inline(heading.text())).append("</h2>\n");
            } else if (block instanceof Paragraph paragraph) {
                page.append("<p>").append(inline(paragraph.text())).append("</p>\n");
            } else if (block instanceof Table table) {
                page.append("<div class=\"scroll\"><table>\n<thead><tr>");
                table.header().forEach(cell -> page.append("<th>").append(inline(cell)).append("</th>"));
                page.append("</tr></thead>\n<tbody>\n");
                for (List<String> row : table.rows()) {
                    page.append("<tr>");
                    row.forEach(cell -> page.append("<td>").append(inline(cell)).append("</td>"));
                    page.append("</tr>\n");
                }
                page.append("</tbody>\n</table></div>\n");
            }
        }
        if (inFacts) {
            page.append("</dl>\n");
        }
        return page.append("</body>\n</html>\n").toString();
    }

    /**
     * Prints the report and writes it to {@code dir/results-<name>.md} and {@code dir/results-<name>.html}; returns
     * the Markdown file.
     */
    public Path publish(Path dir) {
        String text = markdown();
        System.out.println();
        System.out.println(text);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("results-" + name + ".md");
            Files.writeString(file, text);
            Path page = dir.resolve("results-" + name + ".html");
            Files.writeString(page, html());
            System.out.println("[bench] written to " + file + " and " + page.getFileName());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Escaped text with Markdown's `code` and **bold** as HTML. */
    static String inline(String text) {
        String escaped = escape(text);
        Matcher code = CODE.matcher(escaped);
        escaped = code.replaceAll(match -> Matcher.quoteReplacement("<code>" + match.group(1) + "</code>"));
        Matcher bold = BOLD.matcher(escaped);
        return bold.replaceAll(match -> Matcher.quoteReplacement("<strong>" + match.group(1) + "</strong>"));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
