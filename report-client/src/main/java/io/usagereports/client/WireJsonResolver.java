package io.usagereports.client;

import io.usagereports.model.json.WireJson;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;

/** Reads and writes bodies in the API's wire form, the same settings the server uses. */
public class WireJsonResolver implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(WireJson.config());

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
