package io.usagereports.service.access;

import static io.usagereports.model.common.ErrorCodes.FORBIDDEN;
import static io.usagereports.model.common.ErrorCodes.UNAUTHORIZED;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.common.WireEnum;
import io.usagereports.model.directory.Role;
import io.usagereports.model.directory.Token;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import io.usagereports.service.directory.ActiveClients;
import io.usagereports.service.directory.ApiClientService;
import io.usagereports.service.security.Actor;
import io.usagereports.service.security.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues and verifies the API's bearer tokens: RS256-signed JWTs naming the API client
 * ({@code sub}), the user it acts for ({@code uid}), its tenant ({@code tid}, {@code tpath})
 * and the roles ({@code scope}). A token carries all the actor needs, and tenants never move,
 * so a tenant's path cannot go stale; verification asks the database only whether the client
 * and its user are still there and enabled, and caches the answer a few seconds
 * ({@link ActiveClients}).
 */
@ApplicationScoped
public class TokenService {

    static final String ISSUER = "usage-reports";

    @Inject
    SigningKeys keys;

    @Inject
    ApiClientService clients;

    @Inject
    ActiveClients activeClients;

    @Inject
    LoginThrottle throttle;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "REPORTS_TOKEN_TTL_SECONDS", defaultValue = "7200")
    long ttlSeconds;

    /**
     * A token for an API client, given its ID and secret (docs/api.md §2, client_credentials
     * grant), asked for from {@code address} (the request's source address). Too many failures
     * of this client ID from there, or of any credential, refuse the request with 429 before the
     * secret is checked.
     */
    public Token issue(String clientId, String secret, String address) {
        LoginThrottle.Attempt attempt = throttle.begin(LoginThrottle.client(clientId), address);
        Optional<ApiClientService.Authenticated> authenticated;
        try {
            authenticated = clients.authenticate(clientId, secret);
        } catch (RuntimeException e) {
            attempt.abandoned();
            throw e;
        }
        ApiClientService.Authenticated client =
                authenticated.orElseThrow(() -> unauthorized("The client ID or secret is wrong."));
        attempt.succeeded();
        if (!client.userEnabled()) {
            throw unauthorized("The user who created this API client is disabled.");
        }
        if (client.roles().isEmpty()) {
            throw new ServiceException(
                    Kind.FORBIDDEN,
                    ErrorDomains.AUTH,
                    FORBIDDEN,
                    "The user who created this client has no role on its tenant any more.",
                    null,
                    "Ask an administrator to restore the user's access policy, or create a new client.",
                    null);
        }
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(ttlSeconds);
        String scope = client.roles().stream().map(Role::wire).sorted().collect(Collectors.joining(" "));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(client.clientId().toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .claim("uid", client.userId().toString())
                .claim("tid", client.tenantId().toString())
                .claim("tpath", client.tenantPath())
                .claim("scope", scope)
                .build();
        RSAKey key = keys.signer();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return new Token(jwt.serialize(), "bearer", expires.getEpochSecond(), scope);
    }

    /** The actor a bearer token stands for; anything but a valid, current token of ours is 401. */
    public Actor verify(String token) {
        Verified known = verified.get(token);
        Actor actor =
                known != null && known.expires().isAfter(clock.instant()) ? known.actor() : verifySignature(token);
        if (!activeClients.isActive(actor.clientId(), actor.userId())) {
            throw unauthorized("The bearer token's API client was deleted, or its user was deleted or disabled.");
        }
        return actor;
    }

    /** A token whose signature and claims were checked, with what it says: the same bytes need no second check. */
    private record Verified(Actor actor, Instant expires) {}

    /**
     * Tokens already verified here, so that a script's every request does not verify an RSA
     * signature again (it costs more than the rest of a small request). Bounded: cleared when full.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private static final int MAX_VERIFIED = 10_000;

    private Actor verifySignature(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw unauthorized("The bearer token is malformed.");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                || jwt.getHeader().getKeyID() == null) {
            throw unauthorized("The bearer token is not signed the way this server signs tokens.");
        }
        RSAKey key = keys.verifier(jwt.getHeader().getKeyID())
                .orElseThrow(() -> unauthorized("The bearer token was signed by an unknown key."));
        try {
            if (!jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                throw unauthorized("The bearer token's signature is not valid.");
            }
        } catch (JOSEException e) {
            throw unauthorized("The bearer token's signature is not valid.");
        }
        Date expires = claims.getExpirationTime();
        if (!ISSUER.equals(claims.getIssuer()) || expires == null) {
            throw unauthorized("The bearer token was not issued by this server.");
        }
        if (!expires.toInstant().isAfter(clock.instant())) {
            throw unauthorized("The bearer token has expired.");
        }
        Actor actor;
        try {
            UUID tenant = UUID.fromString(claims.getStringClaim("tid"));
            String path = claims.getStringClaim("tpath");
            List<Actor.Grant> grants = new ArrayList<>();
            for (String name : String.valueOf(claims.getStringClaim("scope")).split(" ")) {
                String bare = name.startsWith(Role.SCOPE_PREFIX) ? name.substring(Role.SCOPE_PREFIX.length()) : name;
                WireEnum.parse(Role.class, bare).ifPresent(role -> grants.add(new Actor.Grant(tenant, path, role)));
            }
            actor = new Actor(
                    UUID.fromString(claims.getStringClaim("uid")), UUID.fromString(claims.getSubject()), grants);
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            throw unauthorized("The bearer token lacks the claims of this server's tokens.");
        }
        if (verified.size() >= MAX_VERIFIED) {
            verified.clear();
        }
        verified.put(token, new Verified(actor, expires.toInstant()));
        return actor;
    }

    static ServiceException unauthorized(String message) {
        return new ServiceException(
                Kind.UNAUTHENTICATED,
                ErrorDomains.AUTH,
                UNAUTHORIZED,
                message,
                null,
                "Get a token from POST /api/2/idp/token and send it as 'Authorization: Bearer <token>'.",
                null);
    }
}
