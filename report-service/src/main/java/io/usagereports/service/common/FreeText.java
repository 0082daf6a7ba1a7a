package io.usagereports.service.common;

import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for text that people read where a name is meant (tenant, user, client, usage,
 * edition and offering item names): no control characters other than tab (no NUL, no line
 * breaks, no ANSI escape sequences, which start with one) and no lone UTF-16 surrogates, which
 * are no characters at all. Such text ends up in reports, e-mails and terminals, where these
 * characters break lines, files and screens.
 */
public final class FreeText {

    private FreeText() {}

    /**
     * What is wrong with {@code text} as the value of {@code field}, as a sentence for the
     * client, or empty when nothing is ({@code null} included).
     */
    public static Optional<String> problem(String text, String field) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) { // only unpaired ones come as such
                return Optional.of(field + " contains a lone UTF-16 surrogate (" + code(c) + ") at position " + i
                        + "; send text as valid Unicode.");
            }
            if (c != '\t' && Character.getType(c) == Character.CONTROL) {
                return Optional.of(field + " must not contain control characters such as " + code(c) + " (at position "
                        + i + ").");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    private static String code(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }
}
