package io.usagereports.service.persistence;

import io.usagereports.model.common.WireEnum;
import jakarta.persistence.AttributeConverter;

/**
 * Stores a {@link WireEnum} under its wire name, so the database speaks the API's vocabulary
 * ({@code usage_summary}, not {@code USAGE_SUMMARY}) and a renamed Java constant cannot
 * silently orphan stored rows. JPA needs one concrete converter per enum.
 */
public abstract class WireEnumConverter<E extends Enum<E> & WireEnum> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.wire();
    }

    @Override
    public E convertToEntityAttribute(String wire) {
        return wire == null
                ? null
                : WireEnum.parse(type, wire)
                        .orElseThrow(() ->
                                new IllegalStateException("Unknown " + type.getSimpleName() + " in database: " + wire));
    }
}
