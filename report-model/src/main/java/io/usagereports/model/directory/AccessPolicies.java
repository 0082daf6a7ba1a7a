package io.usagereports.model.directory;

import java.util.List;

/** A user's whole set of access policies ({@code GET} and {@code PUT /users/{id}/access_policies}). */
public record AccessPolicies(List<AccessPolicy> items) {}
