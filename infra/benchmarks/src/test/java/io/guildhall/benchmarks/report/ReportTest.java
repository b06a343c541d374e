package io.guildhall.benchmarks.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    private static Report burst() {
        return new Report("burst", "Sign-up burst", "infra/benchmarks/run burst")
                .fact("baseline", "1691 transactions/s")
                .heading("Results")
                .table(List.of("target", "answers"), List.of(List.of("gateway", "{200=980}"),
                        List.of("direct <1 s>", "**all** `200`")))
                .paragraph("a 1000-person sign-up is decided in 15.84 s.");
    }

    @Test
    void the_markdown_keeps_its_layout() {
        String markdown = burst().markdown().replace(System.lineSeparator(), "\n");

        assertTrue(markdown.startsWith("# Sign-up burst\n\n- date: "), markdown);
        assertTrue(markdown.contains("- command: `infra/benchmarks/run burst`\n"), markdown);
        assertTrue(markdown.contains("- baseline: 1691 transactions/s\n\n## Results\n\n| target | answers |\n|---|---|\n"
                + "| gateway | {200=980} |\n| direct <1 s> | **all** `200` |\n\na 1000-person sign-up"), markdown);
    }

    @Test
    void the_page_shows_the_same_facts_and_tables_escaped() {
        String html = burst().html();

        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<h1>Sign-up burst</h1>"), html);
        assertTrue(html.contains("<dt>baseline</dt><dd>1691 transactions/s</dd>"), html);
        assertTrue(html.contains("<h2>Results</h2>"), html);
        assertTrue(html.contains("<tr><td>direct &lt;1 s&gt;</td><td><strong>all</strong> <code>200</code></td></tr>"),
                html);
        assertTrue(html.contains("<p>a 1000-person sign-up is decided in 15.84 s.</p>"), html);
        assertEquals(1, html.split("<dl>", -1).length - 1, "the facts before the first heading in one list");
    }

    @Test
    void publishing_writes_both_files(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path markdown = burst().publish(dir);

        assertEquals(dir.resolve("results-burst.md"), markdown);
        assertTrue(Files.readString(dir.resolve("results-burst.html")).contains("<h1>Sign-up burst</h1>"));
    }

    @Test
    void a_row_that_does_not_match_the_header_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> burst().table(List.of("a", "b"), List.of(List.of("1"))));
    }
}
