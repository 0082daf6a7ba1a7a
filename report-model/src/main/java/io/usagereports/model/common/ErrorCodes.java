package io.usagereports.model.common;

/**
 * The stable {@code error.code} values a client can switch on (docs/api.md §1). The HTTP status
 * family of each is given for orientation; the server's error mapping is authoritative.
 */
public final class ErrorCodes {

    /** 400: a CSV body is not well-formed, or its header names unknown or too few columns. */
    public static final String INVALID_CSV = "invalid_csv";
    /** 400: the body is not well-formed JSON, or is missing where one is required. */
    public static final String INVALID_JSON = "invalid_json";
    /** 400: a JSON value has the wrong type (a string where an object is expected, ...). */
    public static final String INVALID_TYPE = "invalid_type";
    /** 400: the body names a field the API does not know. */
    public static final String UNKNOWN_FIELD = "unknown_field";
    /** 400: the body sets a field only the server assigns ({@code id}, {@code version}). */
    public static final String READ_ONLY_FIELD = "read_only_field";
    /** 400: a required field or parameter is absent. */
    public static final String REQUIRED_FIELD = "required_field";
    /** 400: a field is present where the rest of the request forbids it. */
    public static final String FIELD_NOT_ALLOWED = "field_not_allowed";
    /** 400: a value is malformed or outside its allowed set or range. */
    public static final String INVALID_VALUE = "invalid_value";
    /** 400: the same value appears twice in a list that must not repeat. */
    public static final String DUPLICATE_VALUE = "duplicate_value";
    /** 400: rows of a usage batch are not valid; {@code context.rows} lists each with its index. */
    public static final String INVALID_ROWS = "invalid_rows";
    /** 400: a PUT names a field that cannot be updated. */
    public static final String FIELD_NOT_UPDATABLE = "field_not_updatable";
    /** 400: the report cannot be updated at all (only monthly reports can). */
    public static final String NOT_UPDATABLE = "not_updatable";
    /** 401: no credentials, or credentials that are malformed, expired, forged or wrong. */
    public static final String UNAUTHORIZED = "unauthorized";
    /** 403: authenticated, but the role does not allow this (a read-only token writing). */
    public static final String FORBIDDEN = "forbidden";
    /** 403: the request names a tenant outside the caller's subtree (or one that does not exist). */
    public static final String TENANT_ACCESS_DENIED = "tenant_access_denied";
    /** 400: {@code POST /idp/token} with a grant type other than {@code client_credentials}. */
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    /** 409: a value that must be unique is taken (a user's login). */
    public static final String DUPLICATE = "duplicate";
    /** 404: no such object, or no such path. */
    public static final String NOT_FOUND = "not_found";
    /** 405: the path exists but not with this method. */
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    /** 406: the client accepts no representation the server can produce. */
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    /** 409: the version the client sent is not the current one. */
    public static final String VERSION_CONFLICT = "version_conflict";
    /** 409: a stored report is still being generated; poll its status and try again. */
    public static final String NOT_READY = "not_ready";
    /**
     * 409: a stored report's run failed for good, so it has no content. Also the
     * {@code failure.code} of such a run.
     */
    public static final String GENERATION_FAILED = "generation_failed";
    /** 413: the body is larger than the endpoint accepts. */
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    /** 415: the body is not {@code application/json}. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    /**
     * 429: too many failed sign-ins from this address, for this login or client ID or for any;
     * {@code Retry-After} (and {@code context.retry_after}) says in how many seconds to try again.
     */
    public static final String TOO_MANY_ATTEMPTS = "too_many_attempts";
    /** 500: an unexpected failure; details are in the server log, never in the response. */
    public static final String INTERNAL_ERROR = "internal_error";

    private ErrorCodes() {}
}
