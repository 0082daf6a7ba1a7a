package io.usagereports.service.access;

import io.usagereports.service.directory.UserService;
import io.usagereports.service.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Users signing in with their login and password (HTTP Basic, on the endpoints that allow it). */
@ApplicationScoped
public class Logins {

    @Inject
    UserService users;

    public Actor authenticate(String login, String password) {
        return users.authenticate(login, password)
                .orElseThrow(() -> TokenService.unauthorized("The login or password is wrong."));
    }
}
