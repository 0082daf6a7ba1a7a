package io.usagereports.model.directory;

import jakarta.json.bind.annotation.JsonbProperty;

/** The answer of {@code POST /idp/token}: a signed JWT, valid until {@code expires_on} (UNIX seconds). */
public record Token(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_on") long expiresOn,
        String scope) {}
