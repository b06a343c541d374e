package io.guildhall.contracts;

/** A JSON string literal written by hand (where no JSON library is at hand or wanted: schemas, log lines). */
public final class JsonStrings {

    private JsonStrings() {
    }

    /** Appends {@code text} to {@code out} as a quoted JSON string, every control character escaped. */
    public static StringBuilder quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
