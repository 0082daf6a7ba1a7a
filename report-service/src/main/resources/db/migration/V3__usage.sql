-- Usage data (spec §3): gauge readings and offering items. Runs unchanged on H2 and PostgreSQL.

-- One row per reading. The primary key is the reading's identity: the same reading sent again
-- lands on the same row. Absent parts of the key are stored as values, since key columns
-- cannot be NULL: edition '' and, for a tenant's own reading, the nil UUID as user.
-- No foreign key to tenant: bulk loads stay fast, and ingestion checks every tenant it names
-- (tenants are never deleted). The value column is "amount": VALUE is a keyword in H2.
CREATE TABLE usage_reading (
    tenant_id   UUID                        NOT NULL,
    usage_name  VARCHAR(128)                NOT NULL,
    edition     VARCHAR(64)                 NOT NULL,
    user_id     UUID                        NOT NULL,
    measured_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    amount      BIGINT                      NOT NULL,
    CONSTRAINT usage_reading_pk PRIMARY KEY (tenant_id, usage_name, edition, user_id, measured_at),
    CONSTRAINT usage_reading_value_not_negative CHECK (amount >= 0)
);

CREATE TABLE offering_item (
    tenant_id        UUID         NOT NULL,
    usage_name       VARCHAR(128) NOT NULL,
    edition          VARCHAR(64)  NOT NULL,
    name             VARCHAR(255),
    measurement_unit VARCHAR(32)  NOT NULL,
    item_type        VARCHAR(32),
    sku              VARCHAR(64),
    status           INTEGER,
    quota_value      BIGINT,
    quota_overage    BIGINT,
    CONSTRAINT offering_item_pk PRIMARY KEY (tenant_id, usage_name, edition),
    CONSTRAINT offering_item_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
