package io.usagereports.service.runs;

import java.util.UUID;

/**
 * The attempt no longer holds its run: its lease ran out and another attempt claimed the run, or
 * the run is gone (its report was deleted). The attempt stops and changes nothing more.
 */
public final class LostClaimException extends RuntimeException {

    LostClaimException(UUID runId) {
        super("Run " + runId + " is no longer held by this attempt", null, false, false);
    }
}
