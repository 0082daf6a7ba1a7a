/**
 * What every part of the wire format shares: the error shape and codes, wire names of enums,
 * timestamps, and the JSON-B settings server and client agree on. No JPA, no CDI.
 */
package io.usagereports.model.common;
