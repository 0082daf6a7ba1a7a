package io.usagereports.service.access;

import io.usagereports.service.directory.UserService;
import io.usagereports.service.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Users signing in with their login and password (HTTP Basic, on the endpoints that allow it). */
@ApplicationScoped
public class Logins {

    @Inject
    UserService users;

    @Inject
    LoginThrottle throttle;

    /**
     * The actor a login and password stand for, signing in from {@code address} (the request's
     * source address). Too many failures of this login from there, or of any login, refuse the
     * attempt with 429 before the password is hashed; a wrong password, an unknown login or a
     * disabled user is 401.
     */
    public Actor authenticate(String login, String password, String address) {
        LoginThrottle.Attempt attempt = throttle.begin(LoginThrottle.login(login), address);
        Optional<Actor> actor;
        try {
            actor = users.authenticate(login, password);
        } catch (RuntimeException e) {
            attempt.abandoned();
            throw e;
        }
        if (actor.isEmpty()) {
            throw TokenService.unauthorized("The login or password is wrong, or the user is disabled.");
        }
        attempt.succeeded();
        return actor.get();
    }
}
