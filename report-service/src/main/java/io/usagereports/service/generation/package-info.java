/**
 * Report generation (docs/api.md §6): the row plan from the tenant tree, the report's
 * readings (one query on PostgreSQL, an indexed walk on H2), folding them into rows, and a
 * streaming writer per format. Owns the work table {@code report_run_member}; knows nothing
 * of claims or storage.
 */
package io.usagereports.service.generation;
