package io.usagereports.model.directory;

/**
 * The body of {@code PUT /users/{id}}: a partial update, what it leaves out keeps its value.
 * {@code enabled} false stops the user from signing in and refuses the tokens of its API clients;
 * {@code version}, when sent, must be the user's current version (else 409 version_conflict).
 */
public record UserUpdate(Boolean enabled, Integer version) {

    /** Enables or disables the user, whatever its version. */
    public static UserUpdate enabled(boolean enabled) {
        return new UserUpdate(enabled, null);
    }

    /** Enables or disables the user if it is still at {@code version}. */
    public static UserUpdate enabled(boolean enabled, int version) {
        return new UserUpdate(enabled, version);
    }
}
