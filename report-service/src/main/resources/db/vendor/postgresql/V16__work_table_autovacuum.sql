-- PostgreSQL only (db/vendor/postgresql). Every attempt analyzes the work table once its rows are
-- staged (the query's plan depends on it). ANALYZE waits for an autovacuum working on the same
-- table, and PostgreSQL cancels that autovacuum only after deadlock_timeout: a report stalled for
-- a second now and then (measured: ANALYZE 1,027 ms instead of 30). The table is small (the rows
-- of the attempts running now), so its vacuum needs no throttling and finishes in milliseconds;
-- and autovacuum's own ANALYZE of it is redundant, taken between attempts at that.
ALTER TABLE report_run_member SET (autovacuum_vacuum_cost_delay = 0, autovacuum_analyze_threshold = 2000000000);
