/**
 * The typed Java client of the API (MicroProfile Rest Client): {@code ReportsClient} builds
 * the proxies, {@code Credentials} fetches and renews tokens, every error answer is an {@code
 * ApiErrorException}. Depends on report-model only.
 */
package io.usagereports.client;
