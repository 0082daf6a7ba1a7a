package io.usagereports.service.runs;

/** Asked by a generation as it goes: stops the work (by throwing) once its attempt lost the run. */
@FunctionalInterface
public interface LeaseCheck {

    /** Returns if the attempt may go on; throws {@link LostClaimException} otherwise. */
    void check();
}
