package io.guildhall.support.web;

/**
 * If-Match against a numeric version that is a resource's ETag (a community's or goal's version, an event's
 * SEQUENCE). Weak and strong tags, lists and {@code *} are understood as RFC 9110 says.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** Absent If-Match (or {@code *}) is allowed: the version column still turns a racing write into 409. */
    public static void requireMatch(String ifMatch, long version) {
        if (!matches(ifMatch, version)) {
            throw new PreconditionFailedException("If-Match " + ifMatch + " does not match the current version \"" + version
                    + "\"; fetch the resource again and reapply your change");
        }
    }

    /** Whether {@code ifMatch} (absent, {@code *}, or a list of tags) lets a write on {@code version} go ahead. */
    public static boolean matches(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return true;
        }
        for (String tag : ifMatch.split(",")) {
            String value = tag.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.replace("\"", "").equals(String.valueOf(version))) {
                return true;
            }
        }
        return false;
    }
}
