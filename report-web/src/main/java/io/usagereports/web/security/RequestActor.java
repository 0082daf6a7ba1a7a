package io.usagereports.web.security;

import io.usagereports.service.security.Actor;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the current request, set by {@link AuthenticationFilter}. */
@RequestScoped
public class RequestActor {

    private Actor actor;

    void set(Actor authenticated) {
        actor = authenticated;
    }

    /** The caller; every non-public endpoint runs only after authentication succeeded. */
    public Actor get() {
        if (actor == null) {
            throw new IllegalStateException("No authenticated caller: is the endpoint missing from the filter?");
        }
        return actor;
    }
}
