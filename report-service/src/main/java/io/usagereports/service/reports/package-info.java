/**
 * Report definitions (docs/api.md §4): their rules, use cases, versions and revisions, and
 * the schedule queries the run scheduler uses. Owns {@code report} and {@code
 * report_revision}.
 */
package io.usagereports.service.reports;
