/**
 * MicroProfile Health checks.
 */
package io.usagereports.web.health;
