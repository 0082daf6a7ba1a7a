/**
 * Wire types of runs, stored reports and deliveries (docs/api.md §5, §5.1).
 */
package io.usagereports.model.runs;
