package io.usagereports.web.security;

import static io.usagereports.model.common.ErrorCodes.UNAUTHORIZED;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The user name and password of an {@code Authorization: Basic} header. */
public record BasicCredentials(String user, String password) {

    static final String SCHEME = "Basic ";

    /** Parses the header, or answers 401 if it is not well-formed Basic credentials. */
    public static BasicCredentials parse(String header) {
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw unauthorized("HTTP Basic credentials are required.");
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(header.substring(SCHEME.length()).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw unauthorized("The Basic credentials lack the ':' between user and password.");
            }
            return new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw unauthorized("The Basic credentials are not valid base64.");
        }
    }

    static ServiceException unauthorized(String message) {
        return ServiceException.of(
                Kind.UNAUTHENTICATED,
                ErrorDomains.AUTH,
                UNAUTHORIZED,
                message,
                null,
                "Send 'Authorization: Bearer <token>' (or Basic credentials where the endpoint allows them).");
    }
}
