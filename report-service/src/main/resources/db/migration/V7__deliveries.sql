-- E-mail delivery of `send` runs: one row per message to one recipient, created in the
-- transaction that saves its run (a transactional outbox). Runs unchanged on H2 and PostgreSQL.

-- The uncompressed size of a stored report, to decide whether it fits in an e-mail.
ALTER TABLE stored_report ADD COLUMN content_size BIGINT;

-- Claimed like a run: a conditional UPDATE bumps "attempt" (the fencing token) and sets a lease;
-- only the current attempt records the outcome. A delivery is "pending" until the mail server
-- accepted it ("delivered") or it was given up ("failed"); a pending one with a live lease is
-- being sent, one with "due_at" ahead waits for its retry.
CREATE TABLE report_delivery (
    id               UUID                        NOT NULL,
    run_id           UUID                        NOT NULL,
    report_id        UUID                        NOT NULL,
    recipient        UUID                        NOT NULL,
    -- The order deliveries are listed in: the report's order of recipients, resends after.
    position         INTEGER                     NOT NULL,
    -- Stable across attempts: a message sent again after a crash carries the same one.
    message_id       VARCHAR(255)                NOT NULL,
    status           VARCHAR(16)                 NOT NULL,
    attempt          INTEGER                     NOT NULL,
    due_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    lease_expires_at TIMESTAMP(6) WITH TIME ZONE,
    claimed_by       VARCHAR(128),
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    email            VARCHAR(254),
    transport        VARCHAR(16),
    last_attempt_at  TIMESTAMP(6) WITH TIME ZONE,
    delivered_at     TIMESTAMP(6) WITH TIME ZONE,
    failure_code     VARCHAR(64),
    failure_message  VARCHAR(1000),
    CONSTRAINT report_delivery_pk PRIMARY KEY (id),
    CONSTRAINT report_delivery_run_fk FOREIGN KEY (run_id) REFERENCES report_run (id) ON DELETE CASCADE,
    CONSTRAINT report_delivery_message_unique UNIQUE (message_id)
);
CREATE INDEX report_delivery_by_report ON report_delivery (report_id, run_id, position);
CREATE INDEX report_delivery_due ON report_delivery (status, due_at);
