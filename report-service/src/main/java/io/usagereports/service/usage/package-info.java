/**
 * Usage data (docs/api.md §3): ingestion of readings (all or nothing, idempotent), the
 * register of series, offering items and current usage. Owns {@code usage_reading}, {@code
 * usage_series}, {@code offering_item}.
 */
package io.usagereports.service.usage;
