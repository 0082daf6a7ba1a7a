/**
 * The WAR: the JAX-RS application under {@code /api/2}. Resources translate HTTP to one use-
 * case call and back; they hold no business logic.
 */
package io.usagereports.web;
