/**
 * Resources of the directory and the token endpoint (docs/api.md §2).
 */
package io.usagereports.web.directory;
