package io.guildhall.gateway.portal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's design system (issue 16, item 8): colour tokens whose text pairs meet WCAG AA, no colour outside the
 * tokens in any stylesheet, and every page inside the one frame that loads the one stylesheet.
 */
class DesignSystemTest {

    private static final Path STATIC = Path.of("src/main/resources/static/portal");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern TOKEN = Pattern.compile("--([a-z0-9-]+):\\s*(#[0-9a-fA-F]{6})\\s*;");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{3,8}\\b|rgba?\\(|hsla?\\(");

    /** Text (or a control's ink) over its background, as the stylesheet pairs them; each needs 4.5:1. */
    private static final List<String[]> TEXT_PAIRS = List.of(
            pair("ink", "paper"), pair("ink", "wash"), pair("ink-soft", "paper"), pair("ink-soft", "wash"),
            pair("ink-soft", "neutral-wash"), pair("ink", "neutral-wash"), pair("brand", "paper"), pair("brand", "wash"),
            pair("brand-dark", "brand-wash"), pair("brand-dark", "paper"), pair("on-brand", "brand"),
            pair("on-brand", "brand-dark"), pair("ok", "ok-wash"), pair("ok", "paper"), pair("warn", "warn-wash"),
            pair("warn", "paper"), pair("bad", "bad-wash"), pair("bad", "paper"), pair("ink", "warn-wash"),
            pair("ink", "bad-wash"), pair("ink", "ok-wash"), pair("paper", "ink"),
            pair("avatar-0-ink", "avatar-0"), pair("avatar-1-ink", "avatar-1"), pair("avatar-2-ink", "avatar-2"),
            pair("avatar-3-ink", "avatar-3"), pair("avatar-4-ink", "avatar-4"), pair("avatar-5-ink", "avatar-5"));

    private static String[] pair(String text, String background) {
        return new String[] {text, background};
    }

    @Test
    void every_text_colour_pair_of_the_tokens_meets_wcag_aa() throws IOException {
        Map<String, String> tokens = tokens();
        for (String[] pair : TEXT_PAIRS) {
            assertThat(tokens).containsKeys(pair[0], pair[1]);
            double ratio = contrast(tokens.get(pair[0]), tokens.get(pair[1]));
            assertThat(ratio).as("--%s on --%s", pair[0], pair[1]).isGreaterThanOrEqualTo(4.5);
        }
        // The focus ring against the header it shows on (a non-text contrast: 3:1).
        assertThat(contrast(tokens.get("focus"), tokens.get("brand-dark"))).isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void no_stylesheet_names_a_colour_outside_the_tokens() throws IOException {
        try (Stream<Path> sheets = Files.walk(STATIC)) {
            for (Path sheet : sheets.filter(p -> p.toString().endsWith(".css")).toList()) {
                String css = Files.readString(sheet);
                int root = css.indexOf(":root {");
                String outside = root < 0 ? css : css.substring(0, root) + css.substring(css.indexOf('}', root) + 1);
                outside = outside.replaceAll("(?s)/\\*.*?\\*/", "");
                Matcher colour = COLOUR.matcher(outside);
                assertThat(colour.find()).as("%s names a colour outside :root: %s", sheet,
                        colour.hitEnd() ? "" : outside.substring(Math.max(0, colour.start() - 60), colour.start() + 10)).isFalse();
            }
        }
    }

    @Test
    void every_page_is_inside_the_frame_that_loads_the_stylesheet() throws IOException {
        assertThat(Files.readString(TEMPLATES.resolve("layout.html"))).contains("/portal/portal.css");
        try (Stream<Path> pages = Files.walk(TEMPLATES)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                String relative = TEMPLATES.relativize(page).toString();
                if (relative.equals("layout.html") || relative.startsWith("fragments")) {
                    continue;
                }
                String html = Files.readString(page);
                assertThat(html).as(relative).contains("~{layout :: page(");
                assertThat(html).as(relative + ": no inline style").doesNotContain("style=\"").doesNotContain("<style");
            }
        }
    }

    @Test
    void contrast_is_computed_as_wcag_defines_it() {
        assertThat(contrast("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast("#777777", "#ffffff")).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
    }

    private static Map<String, String> tokens() throws IOException {
        String css = Files.readString(STATIC.resolve("portal.css"));
        String root = css.substring(css.indexOf(":root {"), css.indexOf('}', css.indexOf(":root {")));
        Map<String, String> tokens = new HashMap<>();
        Matcher m = TOKEN.matcher(root);
        while (m.find()) {
            tokens.put(m.group(1), m.group(2));
        }
        return tokens;
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
