package io.usagereports.service.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;

/** The keys of the client-secret hash, each access in a transaction of its own. */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class SecretHashKeyRepository {

    @PersistenceContext(unitName = "reports")
    EntityManager em;

    /** All keys, oldest first: the oldest hashes new secrets, so servers that generated keys at once agree. */
    public List<SecretHashKeyEntity> all() {
        return em.createQuery(
                        "select k from SecretHashKeyEntity k order by k.createdAt, k.kid", SecretHashKeyEntity.class)
                .getResultList();
    }

    public void add(SecretHashKeyEntity key) {
        em.persist(key);
    }
}
