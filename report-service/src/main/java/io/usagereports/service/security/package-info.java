/**
 * Authentication and authorization: who the caller is ({@code Actor}), what it may see and
 * change ({@code AccessGuard}, docs/api.md §1), password and secret hashing, token signing
 * keys and tokens.
 */
package io.usagereports.service.security;
