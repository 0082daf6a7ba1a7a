/**
 * The directory (docs/api.md §2): tenants, users, access policies, API clients, and the first
 * start. Owns {@code tenant}, {@code tenant_name}, {@code app_user}, {@code access_policy},
 * {@code api_client}, {@code installation}, {@code named_lock}.
 */
package io.usagereports.service.directory;
