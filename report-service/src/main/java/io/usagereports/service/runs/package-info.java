/**
 * Runs and stored reports (docs/api.md §5): creating runs (once, scheduled, on demand),
 * polling, claims and leases fenced by the attempt number, executing an attempt through
 * generation, chunked gzip storage and downloads, handing over on stop. Owns {@code
 * report_run}, {@code stored_report}, {@code stored_report_chunk}.
 */
package io.usagereports.service.runs;
