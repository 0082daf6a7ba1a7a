package io.usagereports.service.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;

/** The generated signing keys in the database, each access in a transaction of its own. */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class SigningKeyRepository {

    @PersistenceContext(unitName = "reports")
    EntityManager em;

    /** All keys, oldest first: the oldest signs, so servers that generated keys at once agree. */
    public List<SigningKeyEntity> all() {
        return em.createQuery("select k from SigningKeyEntity k order by k.createdAt, k.kid", SigningKeyEntity.class)
                .getResultList();
    }

    public void add(SigningKeyEntity key) {
        em.persist(key);
    }
}
