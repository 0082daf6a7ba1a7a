/**
 * Signing in: turns a login and password, an API client's credentials or a bearer token into
 * the {@code Actor} a request runs as ({@code Logins}, {@code TokenService}), after
 * {@code LoginThrottle} has checked that the caller's address has not failed too often. Depends
 * on {@code directory} for users and clients (and whether a token's client is still active) and
 * on {@code security} for hashes and keys.
 */
package io.usagereports.service.access;
