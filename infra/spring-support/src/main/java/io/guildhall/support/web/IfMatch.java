package io.guildhall.community;

import io.guildhall.support.web.PreconditionFailedException;

/** If-Match against the numeric version that is the ETag of communities and goals. */
public final class IfMatch {

    private IfMatch() {
    }

    /** Absent If-Match (or {@code *}) is allowed: the version column still turns a racing write into 409. */
    public static void requireMatch(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String value = tag.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.replace("\"", "").equals(String.valueOf(version))) {
                return;
            }
        }
        throw new PreconditionFailedException("If-Match " + ifMatch + " does not match the current version \"" + version
                + "\"; fetch the resource again and reapply your change");
    }
}
