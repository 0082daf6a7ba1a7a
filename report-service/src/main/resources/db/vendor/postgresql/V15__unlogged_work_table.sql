-- PostgreSQL only (db/vendor/postgresql): the work table is scratch space of running attempts, so
-- it is not written to the write-ahead log: staging a report's rows takes half the time. After a
-- database crash PostgreSQL empties it, and a standby has it empty; the attempts that used it
-- died with the connection anyway and are run again. H2 has no unlogged tables.
ALTER TABLE report_run_member SET UNLOGGED;
