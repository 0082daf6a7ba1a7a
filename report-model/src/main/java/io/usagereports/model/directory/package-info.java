/**
 * Wire types of the directory (docs/api.md §2): tenants, users, access policies, API clients,
 * tokens.
 */
package io.usagereports.model.directory;
