package io.usagereports.model.directory;

/** How to reach a user; {@code email} is where reports are sent. */
public record Contact(String email, String firstname, String lastname) {
}
