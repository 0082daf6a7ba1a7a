/**
 * The HTTP edge: the security headers every answer carries ({@link SecurityHeaders},
 * {@link SecurityHeadersFilter}) and the OpenAPI document's agreement with the wire
 * ({@link WireOpenApiFilter}).
 */
package io.usagereports.web.http;
