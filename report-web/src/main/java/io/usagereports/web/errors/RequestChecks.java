package io.usagereports.web.errors;

import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What makes a request unreadable before any resource sees it: its path, its {@code
 * Content-Type}, its {@code Accept}. Plain functions of the raw header and path text.
 */
final class RequestChecks {

    private RequestChecks() {}

    /**
     * Why a request's raw path (as sent, still percent-encoded) is refused, or null if it is
     * not. Refused as Liberty's own check (Servlet 6.0 §3.5.2) would refuse it: an encoded
     * {@code /}, {@code .}, {@code \} or {@code #} ({@code %2F}, {@code %2E}, {@code %5C},
     * {@code %23}), a backslash; and also a malformed percent-escape, escapes that do not
     * decode as UTF-8 ({@code %ff}, the overlong {@code %c0%ae}), a control character, or a
     * character that should have been percent-encoded.
     */
    static String pathProblem(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                int high = i + 2 < rawPath.length() ? Character.digit(rawPath.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(rawPath.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    return "a malformed percent-escape";
                }
                int b = high * 16 + low;
                if (b == '/' || b == '.' || b == '\\' || b == '#') {
                    return "an encoded '/', '.', '\\' or '#' (%2F, %2E, %5C or %23)";
                }
                bytes.write(b);
                i += 2;
            } else if (c == '\\' || c == '#') {
                return "a '" + c + "'";
            } else if (c <= 0x20 || c >= 0x7f) {
                return "a character that is not percent-encoded";
            } else {
                bytes.write(c);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return "percent-escapes that are not UTF-8";
        }
        if (decoded.chars().anyMatch(Character::isISOControl)) {
            return "a control character";
        }
        return null;
    }

    /** Whether a {@code Content-Type} header names a media type ({@code type/subtype;params}). */
    static boolean isMediaType(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        try {
            MediaType.valueOf(header.trim());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether an {@code Accept} header is a list of media ranges (blank: none, as if absent). */
    static boolean isAcceptList(String header) {
        if (header == null || header.isBlank()) {
            return true;
        }
        for (String range : header.split(",")) {
            if (!range.isBlank() && !isMediaType(range)) {
                return false;
            }
        }
        return true;
    }
}
