package io.usagereports.web.errors;

import static io.usagereports.model.common.ErrorCodes.INVALID_VALUE;
import static io.usagereports.model.common.ErrorCodes.UNSUPPORTED_MEDIA_TYPE;

import io.usagereports.model.common.ApiError.ErrorBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;

/**
 * The first filter of every request (web.xml): refuses, in the one error shape, the requests
 * that the servlet container or the JAX-RS runtime could only refuse with an HTML page, a stack
 * trace or a warning in the log:
 *
 * <ul>
 *   <li>a path with an encoded {@code /}, {@code .}, {@code \} or {@code #}, a malformed or
 *       non-UTF-8 percent-escape, or a control character: {@code 400 invalid_path}. Liberty's
 *       own check of encoded characters is off for this application (web.xml) because it
 *       answers with an HTML page and logs an error with a stack trace; this filter makes the
 *       same check first;
 *   <li>a {@code Content-Type} that is no media type (empty, {@code ;;}): {@code 415
 *       unsupported_media_type};
 *   <li>an {@code Accept} that is no list of media ranges: {@code 400 invalid_value}.
 * </ul>
 *
 * Paths the container itself cannot decode ({@code %zz}, {@code %00}, dot-segments above the
 * root) never reach any application: see README, "Limits of the HTTP edge".
 */
public class MalformedRequestFilter extends HttpFilter {

    static final String INVALID_PATH = "invalid_path";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String pathProblem = RequestChecks.pathProblem(request.getRequestURI());
        if (pathProblem != null) {
            ServletErrors.write(response, 400, invalidPath(pathProblem));
            return;
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && !RequestChecks.isMediaType(contentType)) {
            ServletErrors.write(
                    response,
                    415,
                    ServletErrors.api(
                            UNSUPPORTED_MEDIA_TYPE,
                            "The Content-Type header is not a media type: '" + printable(contentType) + "'.",
                            null,
                            "Send Content-Type: application/json with a JSON body (text/csv for usage"
                                    + " batches), or no Content-Type without a body."));
            return;
        }
        for (Enumeration<String> accept = request.getHeaders("Accept"); accept.hasMoreElements(); ) {
            String value = accept.nextElement();
            if (!RequestChecks.isAcceptList(value)) {
                ServletErrors.write(
                        response,
                        400,
                        ServletErrors.api(
                                INVALID_VALUE,
                                "The Accept header is not a list of media types: '" + printable(value) + "'.",
                                "Accept",
                                "Send Accept: application/json, or no Accept header."));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The answer to a path the API refuses to read: the same from this filter and the error page. */
    static ErrorBody invalidPath(String problem) {
        return ServletErrors.api(
                INVALID_PATH,
                "The path contains " + problem + ".",
                null,
                "Percent-encode each path segment as UTF-8; the API's paths never contain an encoded"
                        + " '/', '.', '\\' or '#'. See /openapi for the API's paths.");
    }

    /** A header value as it may be quoted in a message: short, without control characters. */
    static String printable(String value) {
        String cleaned = value.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 100 ? cleaned.substring(0, 100) + "..." : cleaned;
    }
}
