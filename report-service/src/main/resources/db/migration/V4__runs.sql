-- Runs and stored reports (spec §5). Runs unchanged on H2 and PostgreSQL.
-- Deleting a report deletes its runs, stored outputs and their content (ON DELETE CASCADE).

-- One generation of a report. The database is the coordination point between servers: a run is
-- claimed by a conditional UPDATE that bumps "attempt" and sets a lease; whoever holds the
-- current attempt may write and finish it, and a run whose lease expired (its server died) is
-- claimed again by another worker.
CREATE TABLE report_run (
    id               UUID                        NOT NULL,
    report_id        UUID                        NOT NULL,
    run_trigger      VARCHAR(16)                 NOT NULL,
    -- Scheduled runs have a key (the once run, or a month) that is unique per report, so a run
    -- due on several servers at once is created once.
    schedule_key     VARCHAR(16),
    period_start     DATE,
    period_end       DATE,
    due_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status           VARCHAR(16)                 NOT NULL,
    attempt          INTEGER                     NOT NULL,
    lease_expires_at TIMESTAMP(6) WITH TIME ZONE,
    claimed_by       VARCHAR(128),
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP(6) WITH TIME ZONE,
    finished_at      TIMESTAMP(6) WITH TIME ZONE,
    failure_code     VARCHAR(64),
    failure_message  VARCHAR(1000),
    CONSTRAINT report_run_pk PRIMARY KEY (id),
    CONSTRAINT report_run_report_fk FOREIGN KEY (report_id) REFERENCES report (id) ON DELETE CASCADE,
    CONSTRAINT report_run_schedule_unique UNIQUE (report_id, schedule_key)
);
CREATE INDEX report_run_by_report ON report_run (report_id, created_at);
CREATE INDEX report_run_due ON report_run (status, due_at);

-- One output of a run per requested format. Content is kept gzip-compressed in chunks written
-- by one attempt; only the attempt that finishes the run becomes "content_attempt", so a
-- download never sees a half-written or mixed output.
CREATE TABLE stored_report (
    id              UUID                        NOT NULL,
    run_id          UUID                        NOT NULL,
    report_id       UUID                        NOT NULL,
    report_format   VARCHAR(16)                 NOT NULL,
    position        INTEGER                     NOT NULL,
    status          VARCHAR(16)                 NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    size            BIGINT,
    content_attempt INTEGER,
    file_name       VARCHAR(255)                NOT NULL,
    CONSTRAINT stored_report_pk PRIMARY KEY (id),
    CONSTRAINT stored_report_run_fk FOREIGN KEY (run_id) REFERENCES report_run (id) ON DELETE CASCADE,
    CONSTRAINT stored_report_format_unique UNIQUE (run_id, report_format)
);
CREATE INDEX stored_report_by_report ON stored_report (report_id, created_at, position);

CREATE TABLE stored_report_chunk (
    stored_id UUID    NOT NULL,
    attempt   INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    data      BYTEA   NOT NULL,
    CONSTRAINT stored_report_chunk_pk PRIMARY KEY (stored_id, attempt, seq),
    CONSTRAINT stored_report_chunk_stored_fk FOREIGN KEY (stored_id) REFERENCES stored_report (id) ON DELETE CASCADE
);

-- Work table of a running attempt: which readings roll up into which row of the report. The
-- generator fills it from the tenant tree, reads the report in one query joined to it, and
-- empties it afterwards.
CREATE TABLE report_run_member (
    run_id    UUID    NOT NULL,
    attempt   INTEGER NOT NULL,
    row_no    INTEGER NOT NULL,
    depth     INTEGER NOT NULL,
    tenant_id UUID    NOT NULL,
    -- The nil UUID: every reading of the tenant; otherwise only that user's readings.
    user_id   UUID    NOT NULL,
    CONSTRAINT report_run_member_pk PRIMARY KEY (run_id, attempt, row_no, depth, tenant_id, user_id),
    CONSTRAINT report_run_member_run_fk FOREIGN KEY (run_id) REFERENCES report_run (id) ON DELETE CASCADE
);
