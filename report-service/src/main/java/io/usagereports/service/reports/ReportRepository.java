package io.usagereports.service.reports;

import io.usagereports.model.reports.Report;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Storage of report definitions and their revisions. Runs in the caller's transaction. */
@ApplicationScoped
public class ReportRepository {

    @PersistenceContext(unitName = "reports")
    EntityManager em;

    @Resource(lookup = "jdbc/reportsNonTx")
    DataSource nonTx;

    void persist(Object entity) {
        em.persist(entity);
    }

    /** Writes pending changes now, so that plain JDBC in the same transaction sees them. */
    void flush() {
        em.flush();
    }

    Optional<ReportEntity> find(UUID id) {
        return Optional.ofNullable(em.find(ReportEntity.class, id));
    }

    /**
     * A report as last committed, read with one plain statement on a connection of its own,
     * outside any transaction and entity manager: for the API's most frequent read (a script
     * polling its report), where opening an entity manager and loading the entity cost more than
     * the rest of the request (api-benchmark: from 0.72 to 1.08 times the requests/s of the 404
     * baseline).
     */
    Optional<Report> findCommitted(UUID id) {
        try (Connection c = nonTx.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT * FROM report WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(ReportEntity.fromRow(rs).toReport()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading report " + id + " failed", e);
        }
    }

    /**
     * Finds a report and locks its row until the transaction ends, so concurrent changes of
     * one report are applied one after the other, each seeing the version the previous left.
     */
    Optional<ReportEntity> findForUpdate(UUID id) {
        return Optional.ofNullable(em.find(ReportEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    List<UUID> idsOfTenant(UUID tenantId) {
        return em.createQuery(
                        "select r.id from ReportEntity r where r.tenantId = :tenant" + " order by r.createdAt, r.id",
                        UUID.class)
                .setParameter("tenant", tenantId)
                .getResultList();
    }

    /**
     * Up to {@code max} reports matching {@code filter} whose tenant lies in one of the subtrees
     * given by {@code tenantPaths}, in (creation time, ID) order.
     */
    List<ReportEntity> page(ReportFilter filter, List<String> tenantPaths, int max, ReportCursor after) {
        StringBuilder jpql = new StringBuilder("select r from ReportEntity r, TenantEntity t where t.id = r.tenantId");
        jpql.append(" and (");
        for (int i = 0; i < tenantPaths.size(); i++) {
            jpql.append(i == 0 ? "" : " or ").append("t.path like :path").append(i);
        }
        jpql.append(tenantPaths.isEmpty() ? "1 = 0)" : ")");
        if (filter.tenantId() != null) {
            jpql.append(" and r.tenantId = :tenant");
        }
        if (filter.kind() != null) {
            jpql.append(" and r.kind = :kind");
        }
        if (filter.resultAction() != null) {
            jpql.append(" and r.resultAction = :action");
        }
        if (filter.scheduleType() != null) {
            jpql.append(" and r.scheduleType = :scheduleType");
        }
        if (after != null) {
            jpql.append(" and (r.createdAt > :afterTime or (r.createdAt = :afterTime and r.id > :afterId))");
        }
        jpql.append(" order by r.createdAt, r.id");

        TypedQuery<ReportEntity> query = em.createQuery(jpql.toString(), ReportEntity.class);
        for (int i = 0; i < tenantPaths.size(); i++) {
            // paths hold only hex digits, '-' and '/', so they need no escaping in LIKE
            query.setParameter("path" + i, tenantPaths.get(i) + "%");
        }
        if (filter.tenantId() != null) {
            query.setParameter("tenant", filter.tenantId());
        }
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind());
        }
        if (filter.resultAction() != null) {
            query.setParameter("action", filter.resultAction());
        }
        if (filter.scheduleType() != null) {
            query.setParameter("scheduleType", filter.scheduleType());
        }
        if (after != null) {
            query.setParameter("afterTime", after.createdAt()).setParameter("afterId", after.id());
        }
        return query.setMaxResults(max).getResultList();
    }

    List<ReportRevisionEntity> revisions(UUID reportId) {
        return em.createQuery(
                        "select v from ReportRevisionEntity v where v.reportId = :id order by v.version",
                        ReportRevisionEntity.class)
                .setParameter("id", reportId)
                .getResultList();
    }

    /** Deletes a report and its whole history. */
    void delete(ReportEntity report) {
        em.createQuery("delete from ReportRevisionEntity v where v.reportId = :id")
                .setParameter("id", report.id())
                .executeUpdate();
        em.remove(report);
    }
}
