package io.usagereports.web.reports;

import java.util.Locale;

/** Reads an {@code Accept-Encoding} header (RFC 9110 §12.5.3) for one question: is gzip acceptable? */
final class AcceptEncoding {

    private AcceptEncoding() {}

    /** True if gzip (or {@code *}) is listed without {@code q=0}, and gzip itself is not refused. */
    static boolean acceptsGzip(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        Boolean gzip = null;
        boolean any = false;
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            boolean acceptable = true;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim().toLowerCase(Locale.ROOT);
                if (param.startsWith("q=")) {
                    acceptable = !isZero(param.substring(2).trim());
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = acceptable;
            } else if (coding.equals("*")) {
                any = acceptable;
            }
        }
        return gzip != null ? gzip : any;
    }

    private static boolean isZero(String q) {
        try {
            return Double.parseDouble(q) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
