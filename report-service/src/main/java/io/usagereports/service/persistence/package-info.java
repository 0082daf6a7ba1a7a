/**
 * Database plumbing every feature uses: Flyway migrations at start-up, the dialect check,
 * JDBC time conversions, the wire-enum column converter.
 */
package io.usagereports.service.persistence;
