package io.usagereports.web.http;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of the API's answers (README, "Security headers"). Every answer is data
 * for one caller, never a page: it is not stored by caches ({@code Cache-Control: no-store}),
 * never sniffed into another type ({@code nosniff}), and may load nothing if a browser opens it
 * (a {@code Content-Security-Policy} that allows nothing). An HTML report download gets its own,
 * slightly wider policy: {@link #HTML_REPORT_POLICY}.
 */
public final class SecurityHeaders {

    public static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    public static final String NOSNIFF = "nosniff";
    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    public static final String CACHE_CONTROL = "Cache-Control";
    public static final String NO_STORE = "no-store";

    /** JSON answers and non-HTML downloads: nothing may be loaded, run or framed. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /**
     * A stored HTML report: one self-contained page whose only resource is its inline style
     * sheet (report-service's {@code HtmlWriter}: an inline {@code <style>}, no scripts, images,
     * fonts or links), opened in a sandbox so that even a report naming a hostile tenant can
     * neither run anything nor reach the API's origin.
     */
    public static final String HTML_REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'; sandbox";

    private SecurityHeaders() {}

    /** Sets the headers of an answer written by servlet code (the error page, refused requests). */
    public static void applyTo(HttpServletResponse response) {
        response.setHeader(CONTENT_TYPE_OPTIONS, NOSNIFF);
        response.setHeader(CACHE_CONTROL, NO_STORE);
        response.setHeader(CONTENT_SECURITY_POLICY, API_POLICY);
    }
}
