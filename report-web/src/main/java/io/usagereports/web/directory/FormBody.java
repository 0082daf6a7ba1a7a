package io.usagereports.web.directory;

import static io.usagereports.model.common.ErrorCodes.INVALID_VALUE;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.service.common.ServiceException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body, decoded here rather than by the runtime: the
 * runtime fails on a malformed percent-escape ({@code %zz}) with an error the API would answer
 * 500; here it is {@code 400 invalid_value}, naming the field when its name could be read.
 */
final class FormBody {

    private final Map<String, String> fields;

    private FormBody(Map<String, String> fields) {
        this.fields = fields;
    }

    /** Decodes {@code body} as UTF-8; of a field sent twice, the first value counts. */
    static FormBody parse(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return new FormBody(fields);
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), null);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
            fields.putIfAbsent(name, value);
        }
        return new FormBody(fields);
    }

    /** The field's value, or {@code null} if it was not sent. */
    String get(String name) {
        return fields.get(name);
    }

    private static String decode(String text, String field) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid(
                    ErrorDomains.AUTH,
                    INVALID_VALUE,
                    field,
                    "The form body is not validly URL-encoded"
                            + (field == null ? "" : " in " + field)
                            + ": '%' must be followed by two hexadecimal digits.",
                    "Send the body as application/x-www-form-urlencoded, e.g. grant_type=client_credentials.");
        }
    }
}
