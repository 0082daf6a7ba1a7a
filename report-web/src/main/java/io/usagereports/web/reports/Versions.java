package io.usagereports.web.reports;

import static io.usagereports.model.common.ErrorCodes.INVALID_VALUE;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.reports.Report;
import io.usagereports.service.common.ServiceException;
import io.usagereports.web.json.RequestParams;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/**
 * The version a client expects, from {@code If-Match} ({@code "3"}, or a bare {@code 3}) or
 * from the {@code version} query parameter, and the strong {@code ETag} of a report's version.
 */
final class Versions {

    private Versions() {}

    /** The expected version, or {@code null} when the client states none ({@code If-Match: *} included). */
    static Integer expected(String ifMatch, String versionParam) {
        Integer fromHeader =
                ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")
                        ? null
                        : parse(unquote(ifMatch.trim()), "If-Match");
        Integer fromQuery = versionParam == null ? null : parse(versionParam.trim(), "version");
        if (fromHeader != null && fromQuery != null && !fromHeader.equals(fromQuery)) {
            throw ServiceException.invalid(
                    ErrorDomains.REPORTS,
                    INVALID_VALUE,
                    "version",
                    "If-Match (" + fromHeader + ") and version (" + fromQuery + ") disagree.",
                    null);
        }
        return fromHeader != null ? fromHeader : fromQuery;
    }

    static Response.ResponseBuilder ok(Report report) {
        return Response.ok(report).tag(new EntityTag(String.valueOf(report.version())));
    }

    private static String unquote(String tag) {
        if (tag.startsWith("W/")) {
            throw ServiceException.invalid(
                    ErrorDomains.REPORTS,
                    INVALID_VALUE,
                    "If-Match",
                    "If-Match needs the strong ETag of a version, like \"3\"; weak tags do not identify a version.",
                    null);
        }
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                ? tag.substring(1, tag.length() - 1)
                : tag;
    }

    static int parse(String text, String field) {
        return RequestParams.version(text, field, "report", ErrorDomains.REPORTS);
    }
}
