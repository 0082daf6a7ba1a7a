/**
 * Signing in: turns a login and password, an API client's credentials or a bearer token into
 * the {@code Actor} a request runs as ({@code Logins}, {@code TokenService}). Depends on
 * {@code directory} for users and clients and on {@code security} for hashes and keys.
 */
package io.usagereports.service.access;
