package io.usagereports.model.directory;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.UUID;

/**
 * An API client: credentials for {@code POST /idp/token}. {@code client_secret} is present only
 * in the answer to its creation; the server keeps nothing but a hash of it. In a create request
 * {@code type} is {@code api_client} and {@code token_endpoint_auth_method} {@code client_secret_basic}.
 */
public record ApiClient(
        @JsonbProperty("client_id") UUID clientId,
        @JsonbProperty("client_secret") String clientSecret,
        @JsonbProperty("tenant_id") UUID tenantId,
        String type,
        @JsonbProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
        Data data,
        @JsonbProperty("created_by") UUID createdBy) {

    public static final String TYPE = "api_client";
    public static final String AUTH_METHOD = "client_secret_basic";

    /**
     * A client to create for {@code tenantId}, named {@code clientName}: {@link #TYPE} with
     * {@link #AUTH_METHOD}; {@code client_id}, {@code client_secret} and {@code created_by} are
     * absent, assigned by the server.
     */
    public static ApiClient forTenant(UUID tenantId, String clientName) {
        return new ApiClient(null, null, tenantId, TYPE, AUTH_METHOD, new Data(clientName), null);
    }

    /** Descriptive data of the client. */
    public record Data(@JsonbProperty("client_name") String clientName) {}
}
