package io.usagereports.model.common;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum whose constants travel over the wire under a fixed lowercase name (the API's
 * vocabulary), independent of the Java constant's name.
 */
public interface WireEnum {

    /** The name of this constant in JSON bodies and query parameters. */
    String wire();

    /** The constant of {@code type} whose wire name is exactly {@code wire}, if any. */
    static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String wire) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(wire)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The allowed wire names of {@code type}, comma separated, for error messages. */
    static <E extends Enum<E> & WireEnum> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).collect(Collectors.joining(", "));
    }
}
