package io.usagereports.service.directory;

import static io.usagereports.model.common.ErrorCodes.INVALID_VALUE;
import static io.usagereports.model.common.ErrorCodes.NOT_FOUND;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.directory.ApiClient;
import io.usagereports.model.directory.Role;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import io.usagereports.service.security.Actor;
import io.usagereports.service.security.ClientSecretHasher;
import io.usagereports.service.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * API clients: credentials a user creates for scripts. A client acts with its creator's roles,
 * limited to the client's own tenant and its descendants.
 */
@ApplicationScoped
@Transactional
public class ApiClientService {

    @Inject
    DirectoryRepository directory;

    @Inject
    AccessGuard guard;

    @Inject
    ClientSecretHasher secrets;

    @Inject
    Clock clock;

    @Inject
    Event<AccessChanged> accessChanged;

    /**
     * A client that proved its secret, with what it may do; {@code userEnabled} is false while the
     * user who made it is disabled, and then it may do nothing.
     */
    public record Authenticated(
            UUID clientId, UUID userId, UUID tenantId, String tenantPath, Set<Role> roles, boolean userEnabled) {}

    /**
     * Creates a client; its secret is in the answer and nowhere else, ever. Any role may make
     * clients on tenants it can see, a read-only one included: a client never exceeds the
     * rights of the user who made it.
     */
    public ApiClient create(Actor actor, ApiClient request) {
        if (!ApiClient.TYPE.equals(DirectoryRules.required(request.type(), "type"))) {
            throw DirectoryRules.invalid(INVALID_VALUE, "type", "type must be api_client.");
        }
        if (request.tokenEndpointAuthMethod() != null
                && !ApiClient.AUTH_METHOD.equals(request.tokenEndpointAuthMethod())) {
            throw DirectoryRules.invalid(
                    INVALID_VALUE,
                    "token_endpoint_auth_method",
                    "token_endpoint_auth_method must be client_secret_basic.");
        }
        String name = request.data() == null || request.data().clientName() == null
                ? null
                : DirectoryRules.name(request.data().clientName(), "data.client_name");
        TenantEntity tenant =
                guard.namedTenant(actor, DirectoryRules.required(request.tenantId(), "tenant_id"), "tenant_id");
        String secret = PasswordHasher.newSecret();
        ApiClientEntity client = new ApiClientEntity(
                UUID.randomUUID(),
                tenant.id(),
                actor.userId(),
                name,
                secrets.hash(secret),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        directory.persist(client);
        return client.toApiClient(secret);
    }

    /** An API client the actor can see (of its tenant or below), without its secret; 404 otherwise. */
    public ApiClient get(Actor actor, UUID id) {
        return visibleClient(actor, id).toApiClient(null);
    }

    /**
     * Deletes an API client the actor can see (404 otherwise): its secret no longer gets tokens,
     * and the tokens it got are refused (docs/api.md §2). The user who made the client may delete
     * it, whatever their role; anyone else needs to be able to change the client's tenant.
     */
    public void delete(Actor actor, UUID id) {
        ApiClientEntity client = visibleClient(actor, id);
        if (!client.createdBy().equals(actor.userId())) {
            guard.requireWrite(actor, directory.tenant(client.tenantId()).orElseThrow());
        }
        if (!directory.deleteClient(id)) {
            throw notFound(id); // deleted by another request meanwhile
        }
        accessChanged.fire(new AccessChanged());
    }

    /** The client these credentials prove, with its creator's roles over the client's tenant. */
    public Optional<Authenticated> authenticate(String clientId, String secret) {
        Optional<ApiClientEntity> client = parse(clientId).flatMap(directory::client);
        if (client.isEmpty()) {
            secrets.matchNothing(secret);
            return Optional.empty();
        }
        if (!secrets.matches(secret, client.get().secretHash())) {
            return Optional.empty();
        }
        if (!ClientSecretHasher.isCurrent(client.get().secretHash())) {
            client.get().rehashSecret(secrets.hash(secret)); // a slow hash of an earlier version, proven once
        }
        TenantEntity tenant = directory.tenant(client.get().tenantId()).orElseThrow();
        Set<Role> roles = directory.grants(client.get().createdBy()).stream()
                .filter(g -> tenant.isWithin(g.tenantPath()))
                .map(Actor.Grant::role)
                .collect(Collectors.toSet());
        boolean enabled = directory
                .user(client.get().createdBy())
                .map(UserEntity::enabled)
                .orElse(false);
        return Optional.of(new Authenticated(
                client.get().id(), client.get().createdBy(), tenant.id(), tenant.path(), roles, enabled));
    }

    private ApiClientEntity visibleClient(Actor actor, UUID id) {
        return directory.client(id).filter(c -> guard.sees(actor, c.tenantId())).orElseThrow(() -> notFound(id));
    }

    private static ServiceException notFound(UUID id) {
        return new ServiceException(
                Kind.NOT_FOUND,
                ErrorDomains.DIRECTORY,
                NOT_FOUND,
                "API client " + id + " does not exist.",
                null,
                null,
                null);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
