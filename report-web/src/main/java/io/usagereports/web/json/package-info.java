/**
 * Strict reading of request bodies and parameters: JSON types, unknown fields, size limits,
 * each error naming its field.
 */
package io.usagereports.web.json;
