package io.usagereports.web.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Adds the {@link SecurityHeaders} to every answer of the API, errors included: {@code nosniff}
 * always; {@code Cache-Control: no-store} and the API's {@code Content-Security-Policy} unless
 * the resource chose its own (the download of an HTML report does). Every endpoint but the
 * token endpoint needs credentials, and the token endpoint answers with a secret, so no answer
 * of the API may be kept by a cache; the token's answer also carries {@code Pragma: no-cache}
 * (RFC 6749 §5.1).
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class SecurityHeadersFilter implements ContainerResponseFilter {

    static final String TOKEN_PATH = "idp/token";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle(SecurityHeaders.CONTENT_TYPE_OPTIONS, SecurityHeaders.NOSNIFF);
        if (!headers.containsKey(SecurityHeaders.CACHE_CONTROL)) {
            headers.putSingle(SecurityHeaders.CACHE_CONTROL, SecurityHeaders.NO_STORE);
        }
        if (!headers.containsKey(SecurityHeaders.CONTENT_SECURITY_POLICY)) {
            headers.putSingle(SecurityHeaders.CONTENT_SECURITY_POLICY, SecurityHeaders.API_POLICY);
        }
        if (request.getUriInfo().getPath().replaceAll("^/+|/+$", "").equals(TOKEN_PATH)) {
            headers.putSingle("Pragma", "no-cache");
        }
    }
}
