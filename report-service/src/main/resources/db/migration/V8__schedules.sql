-- Schedules: daily, weekly and monthly reports at a local time in their own time zone, and each
-- report's next due run. Runs unchanged on H2 and PostgreSQL.
--
-- The schedule fields of a scheduled report hold its values with their defaults applied (NULL
-- for once reports); reports created before this migration get the server's defaults at its
-- next start. report_timezone is parameters.timezone as the client sent it: NULL follows the
-- schedule's time zone (UTC for once reports).
ALTER TABLE report ADD COLUMN schedule_time VARCHAR(5);
ALTER TABLE report ADD COLUMN schedule_day_of_month INTEGER;
ALTER TABLE report ADD COLUMN schedule_day_of_week VARCHAR(9);
ALTER TABLE report ADD COLUMN schedule_timezone VARCHAR(64);
ALTER TABLE report ADD COLUMN report_timezone VARCHAR(64);

-- When an enabled scheduled report's next run is due; NULL for once and disabled reports. The
-- pollers of every server look here, and move it on when they create the due runs.
ALTER TABLE report ADD COLUMN next_run_at TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX report_next_run ON report (next_run_at);
