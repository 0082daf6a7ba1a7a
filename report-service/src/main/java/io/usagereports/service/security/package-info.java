/**
 * Credentials and who acts: the {@code Actor} a request runs as, the slow salted hash of
 * passwords, the keyed hash of API client secrets, and the keys that sign tokens. Depends on
 * no other feature; {@code directory} checks access with it, {@code access} turns credentials
 * into an actor.
 */
package io.usagereports.service.security;
