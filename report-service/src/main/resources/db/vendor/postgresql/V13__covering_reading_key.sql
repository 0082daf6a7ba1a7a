-- PostgreSQL only (db/vendor/postgresql): the readings' key carries the amount, so that reports
-- read readings from the index alone ("index-only scans") instead of one table page per reading.
-- Readings arrive day by day for every series at once, so a series' readings lie on as many
-- table pages as it has days; through the key they lie side by side. H2 has no INCLUDE.
-- Rebuilding the key locks usage_reading for the time it takes (~15 s per 6 million readings).
ALTER TABLE usage_reading
    DROP CONSTRAINT usage_reading_pk,
    ADD CONSTRAINT usage_reading_pk PRIMARY KEY (tenant_id, usage_name, edition, user_id, measured_at) INCLUDE (amount);
