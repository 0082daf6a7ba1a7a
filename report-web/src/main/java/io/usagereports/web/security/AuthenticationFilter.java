package io.usagereports.web.security;

import io.usagereports.service.access.Logins;
import io.usagereports.service.access.TokenService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Authenticates every API request before its resource runs: a bearer token everywhere, HTTP
 * Basic login and password only where {@link BasicAuthAllowed} says so, nothing on a
 * {@link PublicEndpoint}. Done in the application, not by the server's security features, so
 * that every 401 has the API's error shape. Failed Basic logins are limited per login and source
 * address ({@link #sourceAddress}), and per address.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    TokenService tokens;

    @Inject
    Logins logins;

    @Inject
    RequestActor caller;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(PublicEndpoint.class)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw BasicCredentials.unauthorized("Authentication is required.");
        }
        if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            caller.set(tokens.verify(header.substring(BEARER.length()).trim()));
        } else if (header.regionMatches(true, 0, BasicCredentials.SCHEME, 0, BasicCredentials.SCHEME.length())
                && method.isAnnotationPresent(BasicAuthAllowed.class)) {
            BasicCredentials credentials = BasicCredentials.parse(header);
            caller.set(logins.authenticate(credentials.user(), credentials.password(), sourceAddress(servletRequest)));
        } else {
            throw BasicCredentials.unauthorized("This endpoint takes a bearer token only.");
        }
    }

    /**
     * The address a request comes from, as the servlet container sees it: behind a proxy or load
     * balancer that is the proxy's address, unless Liberty is told to take the client's from
     * {@code X-Forwarded-For} (the {@code remoteIp} element of server.xml).
     */
    public static String sourceAddress(HttpServletRequest request) {
        return request == null ? null : request.getRemoteAddr();
    }
}
