/**
 * When scheduled reports are due and what each run covers (docs/api.md §5.2): pure rules over
 * java.time, time zones and daylight saving included, and the server's defaults.
 */
package io.usagereports.service.schedule;
