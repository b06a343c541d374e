package io.guildhall.analytics.person;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * How an erased person is referred to. The pseudonym derives from the erasure event's id, not from the person id, so
 * it reveals nothing about them, yet every replay of the same topic yields the same pseudonym.
 */
public final class Pseudonyms {

    public static final String PREFIX = "erased-";

    private Pseudonyms() {
    }

    public static String forErasure(String erasureEventId) {
        return PREFIX + UUID.nameUUIDFromBytes(
                ("guildhall.person.erased:" + erasureEventId).getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex SHA-256 of the UTF-8 person id: enough to recognise a late event, useless to list people. */
    public static String sha256(String personId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(personId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
