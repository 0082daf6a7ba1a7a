-- Report definitions (spec §4) and their audit trail. Runs unchanged on H2 and PostgreSQL.

CREATE TABLE report (
    id               UUID                        NOT NULL,
    version          INTEGER                     NOT NULL,
    tenant_id        UUID                        NOT NULL,
    result_action    VARCHAR(16)                 NOT NULL,
    recipients       VARCHAR(4000)               NOT NULL,
    report_level     VARCHAR(32)                 NOT NULL,
    report_kind      VARCHAR(32)                 NOT NULL,
    formats          VARCHAR(200)                NOT NULL,
    period_start     DATE,
    period_end       DATE,
    hide_zero_usage  BOOLEAN                     NOT NULL,
    show_skus        BOOLEAN                     NOT NULL,
    schedule_type    VARCHAR(16)                 NOT NULL,
    schedule_enabled BOOLEAN                     NOT NULL,
    generation_date  DATE,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT report_pk PRIMARY KEY (id),
    CONSTRAINT report_version_positive CHECK (version >= 1)
);

-- Listing order of GET /reports and GET /tenants/{id}/reports: (created_at, id).
CREATE INDEX report_by_creation ON report (created_at, id);
CREATE INDEX report_by_tenant ON report (tenant_id, created_at, id);

CREATE TABLE report_revision (
    report_id  UUID                        NOT NULL,
    version    INTEGER                     NOT NULL,
    changed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    changed_by UUID,
    snapshot   VARCHAR(65535)              NOT NULL,
    CONSTRAINT report_revision_pk PRIMARY KEY (report_id, version),
    CONSTRAINT report_revision_report_fk FOREIGN KEY (report_id) REFERENCES report (id)
);
