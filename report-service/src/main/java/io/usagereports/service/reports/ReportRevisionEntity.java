package io.usagereports.service.reports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One version of a report definition, kept as the JSON of the full object as the API showed
 * it then. The primary key (report, version) makes a lost or duplicated version impossible
 * to store.
 */
@Entity
@Table(name = "report_revision")
@IdClass(ReportRevisionEntity.Key.class)
public class ReportRevisionEntity {

    @Id
    @Column(name = "report_id")
    private UUID reportId;

    @Id
    @Column(name = "version")
    private int version;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by")
    private UUID changedBy;

    @Column(name = "snapshot", nullable = false, length = 65535)
    private String snapshot;

    protected ReportRevisionEntity() {
        // for JPA
    }

    ReportRevisionEntity(UUID reportId, int version, Instant changedAt, UUID changedBy, String snapshot) {
        this.reportId = reportId;
        this.version = version;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.snapshot = snapshot;
    }

    int version() {
        return version;
    }

    Instant changedAt() {
        return changedAt;
    }

    UUID changedBy() {
        return changedBy;
    }

    String snapshot() {
        return snapshot;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private UUID reportId;
        private int version;

        public Key() {
            // for JPA
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && version == key.version && Objects.equals(reportId, key.reportId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reportId, version);
        }
    }
}
