-- How many attempts of a run or a delivery failed. The attempt number cannot say: it is the
-- fencing token, bumped by every claim, including claims of work a stopping server handed back
-- untried. Retries, their back-off and the limit on attempts count failures only.
ALTER TABLE report_run ADD COLUMN failures INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE report_delivery ADD COLUMN failures INTEGER DEFAULT 0 NOT NULL;

-- Work already waiting for a retry (or failed for good) failed once per attempt so far.
UPDATE report_run SET failures = attempt WHERE failure_code IS NOT NULL;
UPDATE report_delivery SET failures = attempt WHERE failure_code IS NOT NULL;
