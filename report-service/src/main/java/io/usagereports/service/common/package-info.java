/**
 * What the features share and no feature owns: the error carrier of use cases, the clock,
 * lease keeping, HTML escaping, the rule for free text in names, the name of this server instance.
 */
package io.usagereports.service.common;
