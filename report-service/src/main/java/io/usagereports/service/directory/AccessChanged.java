package io.usagereports.service.directory;

/**
 * Fired when an API client was deleted, or a user deleted, disabled or enabled again; once its
 * transaction has committed, {@link ActiveClients} of this server forgets what it cached, so the
 * change holds here at once (other servers see it when their cache entries expire).
 */
record AccessChanged() {}
