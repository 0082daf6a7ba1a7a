package io.usagereports.model.common;

import jakarta.json.bind.adapter.JsonbAdapter;

/**
 * JSON-B adapter writing a {@link WireEnum} as its wire name. JSON-B resolves adapters by
 * their declared type arguments, so each enum has a concrete subclass in {@code io.usagereports.model.json.WireJson}.
 */
public abstract class WireEnumAdapter<E extends Enum<E> & WireEnum> implements JsonbAdapter<E, String> {

    private final Class<E> type;

    protected WireEnumAdapter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String adaptToJson(E value) {
        return value.wire();
    }

    @Override
    public E adaptFromJson(String wire) {
        return WireEnum.parse(type, wire)
                .orElseThrow(
                        () -> new IllegalArgumentException("'" + wire + "' is not one of: " + WireEnum.allowed(type)));
    }
}
