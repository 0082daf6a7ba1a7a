/**
 * Wire types of usage data (docs/api.md §3): readings, batches, offering items, current
 * usage.
 */
package io.usagereports.model.usage;
