package io.usagereports.model.directory;

/** How to reach a user; {@code email} is where reports are sent. */
public record Contact(String email, String firstname, String lastname) {

    /** A contact with an e-mail address only: {@code firstname} and {@code lastname} are absent. */
    public static Contact ofEmail(String email) {
        return new Contact(email, null, null);
    }
}
