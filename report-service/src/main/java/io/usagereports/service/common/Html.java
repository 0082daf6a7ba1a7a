package io.usagereports.service.common;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Text in HTML: the five characters that could end an element or an attribute are escaped. */
public final class Html {

    private Html() {}

    /** Appends {@code text}, escaped for an HTML element's content or a quoted attribute value. */
    public static void escape(String text, Appendable out) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        try {
            escape(text, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
