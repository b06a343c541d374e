package io.guildhall.community.community;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs from community names: "Java & JVM Guild" becomes "java-jvm-guild". */
public final class Slug {

    private Slug() {
    }

    public static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
    }
}
