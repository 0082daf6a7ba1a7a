/**
 * The authentication filter (bearer tokens, and Basic where allowed) and the request's actor.
 */
package io.usagereports.web.security;
