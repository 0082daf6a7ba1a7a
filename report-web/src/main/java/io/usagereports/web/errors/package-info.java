/**
 * The one error shape (docs/api.md §1): every exception and container error becomes it, here
 * and only here.
 */
package io.usagereports.web.errors;
