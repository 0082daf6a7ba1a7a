package io.usagereports.service.directory;

import io.usagereports.service.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Storage of tenants, users, access policies and API clients. Runs in the caller's transaction. */
@ApplicationScoped
public class DirectoryRepository {

    @PersistenceContext(unitName = "reports")
    EntityManager em;

    void persist(Object entity) {
        em.persist(entity);
    }

    /** Makes pending inserts hit the database now, so a constraint violation surfaces here. */
    void flush() {
        em.flush();
    }

    /**
     * Loads these tenants into the caller's persistence context with one query per thousand, so
     * that looking each one up afterwards costs no query.
     */
    public void preloadTenants(Collection<UUID> ids) {
        List<UUID> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            em.createQuery("select t from TenantEntity t where t.id in :ids", TenantEntity.class)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + 1000)))
                    // Only read here: no snapshot to compare at the flush.
                    .setHint("org.hibernate.readOnly", true)
                    .getResultList();
        }
    }

    public Optional<TenantEntity> tenant(UUID id) {
        return Optional.ofNullable(em.find(TenantEntity.class, id));
    }

    /** Finds a tenant and locks its row until the transaction ends. */
    TenantEntity tenantForUpdate(UUID id) {
        return em.find(TenantEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Waits for, then holds until the transaction ends, the lock servers take turns installing under. */
    void lockInstallation() {
        em.createNativeQuery("SELECT name FROM named_lock WHERE name = 'installation' FOR UPDATE")
                .getResultList();
    }

    Optional<InstallationEntity> installation() {
        return Optional.ofNullable(em.find(InstallationEntity.class, InstallationEntity.ID));
    }

    List<TenantEntity> children(UUID parentId) {
        return em.createQuery(
                        "select t from TenantEntity t where t.parentId = :parent order by t.name, t.id",
                        TenantEntity.class)
                .setParameter("parent", parentId)
                .getResultList();
    }

    public Optional<UserEntity> user(UUID id) {
        return Optional.ofNullable(em.find(UserEntity.class, id));
    }

    /** Finds a user and locks its row until the transaction ends. */
    Optional<UserEntity> userForUpdate(UUID id) {
        return Optional.ofNullable(em.find(UserEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    Optional<UserEntity> userByLogin(String login) {
        return em.createQuery("select u from UserEntity u where u.login = :login", UserEntity.class)
                .setParameter("login", login)
                .getResultStream()
                .findFirst();
    }

    List<AccessPolicyEntity> policies(UUID userId) {
        return em.createQuery(
                        "select p from AccessPolicyEntity p where p.userId = :user order by p.tenantId, p.role",
                        AccessPolicyEntity.class)
                .setParameter("user", userId)
                .getResultList();
    }

    void deletePolicies(UUID userId) {
        em.createQuery("delete from AccessPolicyEntity p where p.userId = :user")
                .setParameter("user", userId)
                .executeUpdate();
    }

    /** A user's roles, each with the path of the tenant it applies to. */
    public List<Actor.Grant> grants(UUID userId) {
        return em.createQuery(
                        "select p, t.path from AccessPolicyEntity p, TenantEntity t"
                                + " where t.id = p.tenantId and p.userId = :user",
                        Object[].class)
                .setParameter("user", userId)
                .getResultStream()
                .map(row -> new Actor.Grant(
                        ((AccessPolicyEntity) row[0]).tenantId(),
                        (String) row[1],
                        ((AccessPolicyEntity) row[0]).role()))
                .toList();
    }

    public Optional<ApiClientEntity> client(UUID id) {
        return Optional.ofNullable(em.find(ApiClientEntity.class, id));
    }

    /** Deletes an API client; false if it was not there (another request deleted it first). */
    boolean deleteClient(UUID id) {
        return em.createQuery("delete from ApiClientEntity c where c.id = :id")
                        .setParameter("id", id)
                        .executeUpdate()
                > 0;
    }

    /** Deletes every API client a user made. */
    void deleteClientsOf(UUID userId) {
        em.createQuery("delete from ApiClientEntity c where c.createdBy = :user")
                .setParameter("user", userId)
                .executeUpdate();
    }

    /** Deletes a user; its API clients and access policies must be gone already (foreign keys). */
    void remove(UserEntity user) {
        em.remove(user);
        em.flush();
    }
}
