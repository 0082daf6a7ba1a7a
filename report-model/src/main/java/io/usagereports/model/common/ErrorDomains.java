package io.usagereports.model.common;

/** The {@code domain} of an error answer: which part of the API it comes from. */
public final class ErrorDomains {

    /** The HTTP exchange itself: paths, methods, media types, body syntax and size. */
    public static final String API = "Api";
    /** Signing in and tokens. */
    public static final String AUTH = "Auth";
    /** Tenants, users, access policies, API clients. */
    public static final String DIRECTORY = "Directory";
    /** Report definitions, runs, stored reports, deliveries. */
    public static final String REPORTS = "Reports";
    /** Readings, offering items, current usage. */
    public static final String USAGE = "Usage";

    private ErrorDomains() {}
}
