-- Retention (REPORTS_RETENTION_DAYS) deletes runs that finished before a cut-off, oldest first.
CREATE INDEX report_run_finished ON report_run (finished_at);
