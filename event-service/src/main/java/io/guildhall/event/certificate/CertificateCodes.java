package io.guildhall.event.certificate;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Verification codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L), printed as two groups of
 * five; 32^10 codes, so guessing one that exists is hopeless. Typed back in any case, with or without the dash.
 */
public final class CertificateCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateCodes() {
    }

    public static String fresh() {
        StringBuilder code = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** "K7PQ2-XW9ZM" as printed. */
    public static String printed(String code) {
        return code.substring(0, 5) + "-" + code.substring(5);
    }

    /** What someone typed, as stored: upper case, no dash or spaces; null when it cannot be a code. */
    public static String normalised(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return code.length() == 10 && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) ? code : null;
    }
}
