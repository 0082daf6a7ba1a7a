package io.usagereports.model.directory;

/** The body of {@code POST /users/{id}/password}. */
public record PasswordChange(String password) {}
