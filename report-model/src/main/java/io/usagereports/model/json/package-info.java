/**
 * The JSON-B settings of the wire, shared by server and client: snake_case names, compact
 * output, enums by their wire names, timestamps with an explicit UTC offset. Depends on every
 * other model package; none depends on it.
 */
package io.usagereports.model.json;
