package io.usagereports.service.directory;

import static io.usagereports.model.common.ErrorCodes.INVALID_VALUE;
import static io.usagereports.model.common.ErrorCodes.REQUIRED_FIELD;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.common.WireEnum;
import io.usagereports.model.directory.TenantKind;
import io.usagereports.service.common.FreeText;
import io.usagereports.service.common.ServiceException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Value rules of the directory: names, logins, e-mail addresses, passwords, and which kind of tenant goes where. */
final class DirectoryRules {

    static final int MAX_NAME = 255;
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 1024;
    /** Deep enough for any real hierarchy; keeps paths (and subtree checks) bounded. */
    static final int MAX_DEPTH = 32;

    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@+-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");

    /** The kinds a tenant of each kind may have as its parent. */
    private static final Map<TenantKind, Set<TenantKind>> PARENTS = Map.of(
            TenantKind.PARTNER, EnumSet.of(TenantKind.ROOT, TenantKind.PARTNER, TenantKind.FOLDER),
            TenantKind.FOLDER, EnumSet.of(TenantKind.ROOT, TenantKind.PARTNER, TenantKind.FOLDER),
            TenantKind.CUSTOMER, EnumSet.of(TenantKind.ROOT, TenantKind.PARTNER, TenantKind.FOLDER),
            TenantKind.UNIT, EnumSet.of(TenantKind.CUSTOMER, TenantKind.UNIT));

    private DirectoryRules() {}

    static ServiceException invalid(String code, String field, String message) {
        return ServiceException.invalid(ErrorDomains.DIRECTORY, code, field, message, null);
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw invalid(REQUIRED_FIELD, field, field + " is required.");
        }
        return value;
    }

    static String name(String name, String field) {
        required(name, field);
        plainText(name, field);
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw invalid(INVALID_VALUE, field, field + " must have 1 to " + MAX_NAME + " characters.");
        }
        return trimmed;
    }

    static void placement(TenantKind kind, TenantEntity parent) {
        required(kind, "kind");
        Set<TenantKind> parents = PARENTS.get(kind);
        if (parents == null) {
            throw invalid(INVALID_VALUE, "kind", "kind must be one of: partner, folder, customer, unit.");
        }
        if (!parents.contains(parent.kind())) {
            throw invalid(
                    INVALID_VALUE,
                    "kind",
                    "A " + kind.wire() + " cannot be placed under a "
                            + parent.kind().wire() + "; its parent must be a "
                            + String.join(
                                    " or ", parents.stream().map(WireEnum::wire).toList()) + ".");
        }
        if (parent.path().chars().filter(c -> c == '/').count() >= MAX_DEPTH) {
            throw invalid(INVALID_VALUE, "parent_id", "The tenant tree is limited to " + MAX_DEPTH + " levels.");
        }
    }

    static String login(String login) {
        required(login, "login");
        if (!LOGIN.matcher(login).matches()) {
            throw invalid(INVALID_VALUE, "login", "login must have 1 to 64 letters, digits or . _ @ + - characters.");
        }
        return login;
    }

    static String email(String email) {
        required(email, "contact.email");
        if (!EMAIL.matcher(email).matches()
                || FreeText.problem(email, "contact.email").isPresent()) {
            throw invalid(INVALID_VALUE, "contact.email", "contact.email must be an e-mail address.");
        }
        return email;
    }

    static String optionalName(String value, String field) {
        if (value != null && value.length() > 100) {
            throw invalid(INVALID_VALUE, field, field + " must have at most 100 characters.");
        }
        plainText(value, field);
        return value;
    }

    /** Refuses control characters (but tab) and lone surrogates in a name people read ({@link FreeText}). */
    static void plainText(String value, String field) {
        FreeText.problem(value, field).ifPresent(message -> {
            throw invalid(INVALID_VALUE, field, message);
        });
    }

    static String password(String password) {
        required(password, "password");
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw invalid(
                    INVALID_VALUE,
                    "password",
                    "password must have " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters.");
        }
        return password;
    }
}
