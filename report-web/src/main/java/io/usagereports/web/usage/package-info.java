/**
 * Resources of usage data (docs/api.md §3): ingestion as JSON or CSV, offering items, current
 * usage.
 */
package io.usagereports.web.usage;
