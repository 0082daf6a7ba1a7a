/**
 * The directory (docs/api.md §2): tenants, users, access policies, API clients, and the first
 * start. Owns {@code tenant}, {@code tenant_name}, {@code app_user}, {@code access_policy},
 * {@code api_client}, {@code installation}, {@code named_lock}. {@code AccessGuard} says what an
 * actor may see and change in the tree (docs/api.md §1), for every feature.
 */
package io.usagereports.service.directory;
