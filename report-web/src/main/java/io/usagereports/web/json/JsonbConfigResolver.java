package io.usagereports.web.json;

import io.usagereports.model.json.WireJson;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Makes the runtime write responses in the wire form of report-model ({@link WireJson}). */
@Provider
public class JsonbConfigResolver implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(WireJson.config());

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
