/**
 * Wire types of report definitions (docs/api.md §4, §5.2): the report, its parameters and
 * schedule, updates, revisions, pages.
 */
package io.usagereports.model.reports;
