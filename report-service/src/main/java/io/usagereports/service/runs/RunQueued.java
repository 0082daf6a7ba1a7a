package io.usagereports.service.runs;

import java.util.UUID;

/** A run became due now; once its transaction commits, a worker of this server tries to claim it. */
record RunQueued(UUID runId) {}
