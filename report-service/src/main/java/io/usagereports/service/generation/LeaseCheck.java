package io.usagereports.service.generation;

/**
 * Asked by a generation as it goes (after each row, and at the end): stops the work, by throwing
 * whatever unchecked exception its caller chose, once the work is no longer wanted (its claim was
 * lost to another worker, the report was deleted).
 */
@FunctionalInterface
public interface LeaseCheck {

    /** Returns if the work may go on; throws otherwise. */
    void check();
}
