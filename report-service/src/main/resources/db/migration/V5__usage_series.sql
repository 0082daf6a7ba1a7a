-- Every series that has readings: one row per (tenant, usage, edition, user), written when its
-- first reading is stored (readings are never deleted, so neither are series). Reports walk the
-- series of their tenants and seek each one's latest reading before a date in usage_reading's
-- primary key, instead of scanning every reading of the series' history.
CREATE TABLE usage_series (
    tenant_id  UUID         NOT NULL,
    usage_name VARCHAR(128) NOT NULL,
    edition    VARCHAR(64)  NOT NULL,
    user_id    UUID         NOT NULL,
    CONSTRAINT usage_series_pk PRIMARY KEY (tenant_id, usage_name, edition, user_id)
);

INSERT INTO usage_series (tenant_id, usage_name, edition, user_id)
    SELECT DISTINCT tenant_id, usage_name, edition, user_id FROM usage_reading;
