/**
 * Resources of report definitions, runs, stored reports and resends (docs/api.md §4, §5).
 */
package io.usagereports.web.reports;
