package io.usagereports.web.directory;

import static io.usagereports.model.common.ErrorCodes.FIELD_NOT_UPDATABLE;
import static io.usagereports.model.common.ErrorCodes.READ_ONLY_FIELD;
import static io.usagereports.model.common.ErrorCodes.REQUIRED_FIELD;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.directory.AccessPolicy;
import io.usagereports.model.directory.ApiClient;
import io.usagereports.model.directory.Contact;
import io.usagereports.model.directory.Role;
import io.usagereports.model.directory.Tenant;
import io.usagereports.model.directory.TenantKind;
import io.usagereports.model.directory.TenantUpdate;
import io.usagereports.model.directory.User;
import io.usagereports.model.directory.UserUpdate;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import io.usagereports.web.json.JsonFields;
import jakarta.json.JsonObject;
import java.util.List;

/** Reads directory request bodies strictly into report-model types (see {@link JsonFields}). */
final class DirectoryJson {

    private DirectoryJson() {}

    static Tenant readTenant(JsonObject body) {
        JsonFields root = JsonFields.of(body, ErrorDomains.DIRECTORY);
        refuseReadOnly(root, "id", "version");
        Tenant tenant = Tenant.of(root.text("name"), root.enumValue("kind", TenantKind.class), root.uuid("parent_id"));
        root.rejectUnknown();
        return tenant;
    }

    static TenantUpdate readTenantUpdate(JsonObject body) {
        JsonFields root = JsonFields.of(body, ErrorDomains.DIRECTORY);
        TenantUpdate update = new TenantUpdate(root.text("name"), root.integer("version"));
        root.rejectUnknown();
        return update;
    }

    static User readUser(JsonObject body) {
        JsonFields root = JsonFields.of(body, ErrorDomains.DIRECTORY);
        refuseReadOnly(root, "id", "version");
        JsonFields contact = root.object("contact");
        Contact details = null;
        if (contact != null) {
            details = new Contact(contact.text("email"), contact.text("firstname"), contact.text("lastname"));
            contact.rejectUnknown();
        }
        User user = User.of(root.uuid("tenant_id"), root.text("login"), details);
        Boolean enabled = root.bool("enabled");
        root.rejectUnknown();
        return enabled == null ? user : user.withEnabled(enabled);
    }

    /** The body of {@code PUT /users/{id}}: {@code enabled} and {@code version}, both optional. */
    static UserUpdate readUserUpdate(JsonObject body) {
        JsonFields root = JsonFields.of(body, ErrorDomains.DIRECTORY);
        for (String name : List.of("id", "tenant_id", "login", "contact")) {
            if (root.has(name)) {
                throw ServiceException.of(
                        Kind.INVALID_REQUEST,
                        ErrorDomains.DIRECTORY,
                        FIELD_NOT_UPDATABLE,
                        name + " cannot be changed by PUT /users/{id}; only enabled can.",
                        name,
                        "Send only enabled and, optionally, version.");
            }
        }
        UserUpdate update = new UserUpdate(root.bool("enabled"), root.integer("version"));
        root.rejectUnknown();
        return update;
    }

    static String readPassword(JsonObject body) {
        JsonFields root = JsonFields.of(body, ErrorDomains.DIRECTORY);
        String password = root.text("password");
        root.rejectUnknown();
        return password;
    }

    static List<AccessPolicy> readPolicies(JsonObject body) {
        JsonFields root = JsonFields.of(body, ErrorDomains.DIRECTORY);
        List<JsonFields> items = root.objects("items");
        root.rejectUnknown();
        if (items == null) {
            throw ServiceException.invalid(
                    ErrorDomains.DIRECTORY,
                    REQUIRED_FIELD,
                    "items",
                    "items is required (an empty list removes every policy).",
                    null);
        }
        return items.stream()
                .map(item -> {
                    AccessPolicy policy =
                            new AccessPolicy(item.enumValue("role_id", Role.class), item.uuid("tenant_id"));
                    item.rejectUnknown();
                    return policy;
                })
                .toList();
    }

    static ApiClient readClient(JsonObject body) {
        JsonFields root = JsonFields.of(body, ErrorDomains.DIRECTORY);
        refuseReadOnly(root, "client_id", "client_secret", "created_by");
        JsonFields data = root.object("data");
        ApiClient.Data details = null;
        if (data != null) {
            details = new ApiClient.Data(data.text("client_name"));
            data.rejectUnknown();
        }
        ApiClient client = new ApiClient(
                null,
                null,
                root.uuid("tenant_id"),
                root.text("type"),
                root.text("token_endpoint_auth_method"),
                details,
                null);
        root.rejectUnknown();
        return client;
    }

    private static void refuseReadOnly(JsonFields fields, String... names) {
        for (String name : names) {
            if (fields.has(name)) {
                throw ServiceException.of(
                        Kind.INVALID_REQUEST,
                        ErrorDomains.DIRECTORY,
                        READ_ONLY_FIELD,
                        name + " is assigned by the server.",
                        name,
                        "Leave " + name + " out of the body.");
            }
        }
    }
}
