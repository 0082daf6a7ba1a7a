package io.usagereports.service.directory;

import static io.usagereports.model.common.ErrorCodes.DUPLICATE;
import static io.usagereports.model.common.ErrorCodes.DUPLICATE_VALUE;
import static io.usagereports.model.common.ErrorCodes.FORBIDDEN;
import static io.usagereports.model.common.ErrorCodes.INVALID_VALUE;
import static io.usagereports.model.common.ErrorCodes.NOT_FOUND;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.directory.AccessPolicy;
import io.usagereports.model.directory.Contact;
import io.usagereports.model.directory.Role;
import io.usagereports.model.directory.TenantKind;
import io.usagereports.model.directory.User;
import io.usagereports.model.directory.UserUpdate;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import io.usagereports.service.security.Actor;
import io.usagereports.service.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Users: create, read, update (enable, disable), delete, set password, access policies, and
 * signing in. One transaction per method.
 */
@ApplicationScoped
@Transactional
public class UserService {

    @Inject
    DirectoryRepository directory;

    @Inject
    AccessGuard guard;

    @Inject
    Clock clock;

    @Inject
    Event<AccessChanged> accessChanged;

    public User create(Actor actor, User request) {
        guard.requireWriter(actor);
        UUID tenantId = DirectoryRules.required(request.tenantId(), "tenant_id");
        String login = DirectoryRules.login(request.login());
        Contact contact = DirectoryRules.required(request.contact(), "contact");
        Contact checked = new Contact(
                DirectoryRules.email(contact.email()),
                DirectoryRules.optionalName(contact.firstname(), "contact.firstname"),
                DirectoryRules.optionalName(contact.lastname(), "contact.lastname"));
        guard.writableTenant(actor, tenantId, "tenant_id");
        if (directory.userByLogin(login).isPresent()) {
            throw duplicateLogin(login);
        }
        UserEntity user = new UserEntity(
                UUID.randomUUID(),
                tenantId,
                login,
                checked,
                !Boolean.FALSE.equals(request.enabled()),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        directory.persist(user);
        try {
            directory.flush();
        } catch (PersistenceException e) {
            // another request took the login between the check and the insert
            throw duplicateLogin(login);
        }
        return user.toUser();
    }

    public User get(Actor actor, UUID id) {
        return visibleUser(actor, id).toUser();
    }

    /** The user the actor acts for (the creator of a token's API client). */
    public User me(Actor actor) {
        return directory.user(actor.userId()).map(UserEntity::toUser).orElseThrow(() -> notFound(actor.userId()));
    }

    /**
     * Applies a partial update as a new version: {@code enabled} false stops the user signing in
     * and refuses its clients' tokens (docs/api.md §2), true lets it in again. With a
     * {@code version} the update happens only if the user is still at it. Nobody disables the user
     * they act as.
     */
    public User update(Actor actor, UUID id, UserUpdate update) {
        guard.requireWriter(actor);
        UserEntity user = writableUser(actor, id);
        if (Boolean.FALSE.equals(update.enabled())) {
            refuseSelf(actor, id, "disable");
        }
        checkVersion(user, update.version());
        boolean changes = update.enabled() != null && user.enabled() != update.enabled();
        user.update(update.enabled());
        if (changes) {
            accessChanged.fire(new AccessChanged());
        }
        return user.toUser();
    }

    /**
     * Deletes a user that is still at {@code version}, with its API clients (their tokens are
     * refused from now on) and its access policies. Nothing else refers to a user by a foreign
     * key: reports keep it as a recipient and in their revisions by its ID, and its deliveries
     * fail with {@code recipient_not_found}. Nobody deletes the user they act as.
     */
    public void delete(Actor actor, UUID id, int version) {
        guard.requireWriter(actor);
        UserEntity user = writableUser(actor, id);
        refuseSelf(actor, id, "delete");
        checkVersion(user, version);
        directory.deleteClientsOf(id);
        directory.deletePolicies(id);
        directory.remove(user);
        accessChanged.fire(new AccessChanged());
    }

    public void setPassword(Actor actor, UUID id, String password) {
        guard.requireWriter(actor);
        UserEntity user = writableUser(actor, id);
        user.setPasswordHash(PasswordHasher.hash(DirectoryRules.password(password)));
    }

    public List<AccessPolicy> policies(Actor actor, UUID id) {
        visibleUser(actor, id);
        return directory.policies(id).stream()
                .map(p -> new AccessPolicy(p.role(), p.tenantId()))
                .toList();
    }

    /**
     * Replaces a user's access policies. Each must name a tenant inside the user's own tenant's
     * subtree that the actor may change; {@code root_admin} exists only on the root tenant.
     */
    public List<AccessPolicy> replacePolicies(Actor actor, UUID id, List<AccessPolicy> policies) {
        guard.requireWriter(actor);
        UserEntity user = writableUser(actor, id);
        TenantEntity home = directory.tenant(user.tenantId()).orElseThrow();
        Set<AccessPolicy> seen = new HashSet<>();
        for (int i = 0; i < policies.size(); i++) {
            AccessPolicy policy = policies.get(i);
            String at = "items[" + i + "]";
            Role role = DirectoryRules.required(policy.role(), at + ".role_id");
            TenantEntity tenant = guard.writableTenant(
                    actor, DirectoryRules.required(policy.tenantId(), at + ".tenant_id"), at + ".tenant_id");
            if (!tenant.isWithin(home.path())) {
                throw DirectoryRules.invalid(
                        INVALID_VALUE,
                        at + ".tenant_id",
                        "A user can hold roles only on their own tenant and its descendants.");
            }
            if (role == Role.ROOT_ADMIN && tenant.kind() != TenantKind.ROOT) {
                throw DirectoryRules.invalid(
                        INVALID_VALUE, at + ".role_id", "root_admin exists only on the root tenant.");
            }
            if (!seen.add(policy)) {
                throw DirectoryRules.invalid(DUPLICATE_VALUE, at, "This access policy is listed twice.");
            }
        }
        directory.deletePolicies(id);
        policies.forEach(p -> directory.persist(new AccessPolicyEntity(id, p.tenantId(), p.role())));
        return policies(actor, id);
    }

    /** The actor a login and password stand for, if they match and the user is enabled. */
    public Optional<Actor> authenticate(String login, String password) {
        Optional<UserEntity> user = directory.userByLogin(login);
        String hash = user.map(UserEntity::passwordHash).orElse(PasswordHasher.UNMATCHABLE);
        boolean matches = PasswordHasher.matches(password, hash == null ? PasswordHasher.UNMATCHABLE : hash);
        if (user.isEmpty() || hash == null || !matches || !user.get().enabled()) {
            return Optional.empty();
        }
        return Optional.of(
                new Actor(user.get().id(), null, directory.grants(user.get().id())));
    }

    /** Checks that the users exist inside {@code tenant}'s subtree; answers 400 naming the first that does not. */
    public void requireUsersWithin(List<UUID> userIds, TenantEntity tenant, String field) {
        for (int i = 0; i < userIds.size(); i++) {
            UUID id = userIds.get(i);
            boolean inside = directory
                    .user(id)
                    .flatMap(u -> directory.tenant(u.tenantId()))
                    .filter(t -> t.isWithin(tenant.path()))
                    .isPresent();
            if (!inside) {
                throw ServiceException.invalid(
                        ErrorDomains.REPORTS,
                        INVALID_VALUE,
                        field + "[" + i + "]",
                        "User " + id + " does not exist in tenant " + tenant.id() + " or below it.",
                        "Recipients must be users of the report's tenant or of its descendants.");
            }
        }
    }

    private UserEntity visibleUser(Actor actor, UUID id) {
        return directory.user(id).filter(u -> guard.sees(actor, u.tenantId())).orElseThrow(() -> notFound(id));
    }

    /**
     * A user the actor may change, locked until the transaction ends: concurrent changes of one
     * user (two policy replacements, say) take turns instead of colliding on insert.
     */
    private UserEntity writableUser(Actor actor, UUID id) {
        UserEntity user = directory
                .userForUpdate(id)
                .filter(u -> guard.sees(actor, u.tenantId()))
                .orElseThrow(() -> notFound(id));
        guard.requireWrite(actor, directory.tenant(user.tenantId()).orElseThrow());
        return user;
    }

    private static void checkVersion(UserEntity user, Integer expected) {
        if (expected != null && user.version() != expected) {
            throw ServiceException.versionConflict(
                    ErrorDomains.DIRECTORY, "User", "user_id", user.id(), expected, user.version());
        }
    }

    private static void refuseSelf(Actor actor, UUID id, String verb) {
        if (id.equals(actor.userId())) {
            throw new ServiceException(
                    Kind.FORBIDDEN,
                    ErrorDomains.DIRECTORY,
                    FORBIDDEN,
                    "You cannot " + verb + " the user you act as.",
                    null,
                    "Ask another administrator of the user's tenant.",
                    Map.of("user_id", id.toString()));
        }
    }

    private static ServiceException notFound(UUID id) {
        return new ServiceException(
                Kind.NOT_FOUND,
                ErrorDomains.DIRECTORY,
                NOT_FOUND,
                "User " + id + " does not exist.",
                null,
                null,
                Map.of("user_id", id.toString()));
    }

    private static ServiceException duplicateLogin(String login) {
        return new ServiceException(
                Kind.CONFLICT,
                ErrorDomains.DIRECTORY,
                DUPLICATE,
                "The login '" + login + "' is taken.",
                "login",
                "Choose another login.",
                null);
    }
}
