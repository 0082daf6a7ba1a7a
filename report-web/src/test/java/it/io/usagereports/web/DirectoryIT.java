package it.io.usagereports.web;

import static it.io.usagereports.web.ApiFailures.assertFails;
import static it.io.usagereports.web.ApiFailures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.client.ApiErrorException;
import io.usagereports.client.Credentials;
import io.usagereports.client.DirectoryApi;
import io.usagereports.client.ReportsClient;
import io.usagereports.model.directory.AccessPolicies;
import io.usagereports.model.directory.AccessPolicy;
import io.usagereports.model.directory.Contact;
import io.usagereports.model.directory.PasswordChange;
import io.usagereports.model.directory.Role;
import io.usagereports.model.directory.Tenant;
import io.usagereports.model.directory.TenantKind;
import io.usagereports.model.directory.TenantUpdate;
import io.usagereports.model.directory.User;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The directory endpoints of docs/api.md §2: the tenant tree, users, access policies, API clients. */
class DirectoryIT {

    private static final Sandbox SANDBOX = Sandbox.create();

    private final DirectoryApi directory = SANDBOX.directory;

    private Tenant create(String name, TenantKind kind, UUID parent) {
        return directory.createTenant(Tenant.of(name, kind, parent));
    }

    private static String newLogin() {
        return "l" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    @Test
    void tenantsFormATreeListedByName() {
        UUID partner =
                create("Sub-partner", TenantKind.PARTNER, SANDBOX.partner.id()).id();
        Tenant folder = create("Zeta folder", TenantKind.FOLDER, partner);
        Tenant customer = create("Alpha customer", TenantKind.CUSTOMER, partner);
        Tenant unit = create("Unit 1", TenantKind.UNIT, customer.id());
        Tenant nested = create("Nested customer", TenantKind.CUSTOMER, folder.id());

        assertThat(customer.version()).isEqualTo(1);
        assertThat(customer.parentId()).isEqualTo(partner);
        assertThat(directory.getTenant(unit.id())).isEqualTo(unit);
        assertThat(directory.children(partner).items())
                .extracting(Tenant::name)
                .containsExactly("Alpha customer", "Zeta folder");
        assertThat(directory.children(folder.id()).items()).containsExactly(nested);
        assertThat(directory.children(null).items())
                .as("without parent_id: the token's own tenant")
                .extracting(Tenant::id)
                .contains(partner);
    }

    @Test
    void tenantKindsGoOnlyWhereTheyBelong() {
        Tenant customer = create("c", TenantKind.CUSTOMER, SANDBOX.partner.id());
        assertFails(() -> create("p", TenantKind.PARTNER, customer.id()), 400, "invalid_value", "kind");
        assertFails(() -> create("u", TenantKind.UNIT, SANDBOX.partner.id()), 400, "invalid_value", "kind");
        assertFails(() -> create("r", TenantKind.ROOT, SANDBOX.partner.id()), 400, "invalid_value", "kind");
        assertFails(() -> create(" ", TenantKind.CUSTOMER, SANDBOX.partner.id()), 400, "invalid_value", "name");
        assertFails(
                () -> create("x".repeat(256), TenantKind.CUSTOMER, SANDBOX.partner.id()), 400, "invalid_value", "name");
        assertFails(() -> create("n", null, SANDBOX.partner.id()), 400, "required_field", "kind");
        assertFails(() -> create("n", TenantKind.CUSTOMER, null), 400, "required_field", "parent_id");
        assertThat(directory.children(customer.id()).items()).isEmpty();
    }

    @Test
    void renamingNeedsTheCurrentVersion() {
        Tenant tenant = create("Old name", TenantKind.CUSTOMER, SANDBOX.partner.id());

        Tenant renamed = directory.renameTenant(tenant.id(), new TenantUpdate("New name", 1));

        assertThat(renamed.name()).isEqualTo("New name");
        assertThat(renamed.version()).isEqualTo(2);
        ApiErrorException stale = failure(() -> directory.renameTenant(tenant.id(), new TenantUpdate("Other", 1)));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("version_conflict");
        assertFails(
                () -> directory.renameTenant(tenant.id(), new TenantUpdate("Other", null)),
                400,
                "required_field",
                "version");
        assertThat(directory.getTenant(tenant.id()).name()).isEqualTo("New name");
    }

    @Test
    void usersHaveUniqueLoginsAndNeverShowTheirPassword() {
        UUID customer = create("c", TenantKind.CUSTOMER, SANDBOX.partner.id()).id();
        String login = newLogin();
        User created = directory.createUser(User.of(customer, login, new Contact("ann@example.com", "Ann", "Lee")));

        assertThat(created.id()).isNotNull();
        assertThat(created.contact()).isEqualTo(new Contact("ann@example.com", "Ann", "Lee"));
        assertThat(directory.getUser(created.id())).isEqualTo(created);
        assertFails(
                () -> directory.createUser(User.of(customer, login, Contact.ofEmail("other@example.com"))),
                409,
                "duplicate",
                "login");
        assertFails(
                () -> directory.createUser(User.of(customer, "has space", Contact.ofEmail("x@example.com"))),
                400,
                "invalid_value",
                "login");
        assertFails(
                () -> directory.createUser(User.of(customer, newLogin(), Contact.ofEmail("not-an-address"))),
                400,
                "invalid_value",
                "contact.email");
        assertFails(() -> directory.createUser(User.of(customer, newLogin(), null)), 400, "required_field", "contact");
        assertFails(
                () -> directory.setPassword(created.id(), new PasswordChange("short")),
                400,
                "invalid_value",
                "password");
        assertFails(() -> directory.getUser(UUID.randomUUID()), 404, "not_found", null);
    }

    @Test
    void aUserWithAPasswordAndARoleCanSignInAndMakeClients() {
        UUID customer = create("c", TenantKind.CUSTOMER, SANDBOX.partner.id()).id();
        String login = newLogin();
        UUID user = directory
                .createUser(User.of(customer, login, Contact.ofEmail("bo@example.com")))
                .id();
        directory.setPassword(user, new PasswordChange("bo's long password"));

        AccessPolicies policies = directory.replaceAccessPolicies(
                user, new AccessPolicies(List.of(new AccessPolicy(Role.COMPANY_ADMIN, customer))));
        assertThat(policies.items()).containsExactly(new AccessPolicy(Role.COMPANY_ADMIN, customer));
        assertThat(directory.accessPolicies(user)).isEqualTo(policies);

        DirectoryApi bo = ReportsClient.directory(Sandbox.BASE, Credentials.login(login, "bo's long password"));
        assertThat(bo.me().id()).isEqualTo(user);
        var client = bo.createClient(Sandbox.newClient(customer));
        DirectoryApi boToken = ReportsClient.directory(
                Sandbox.BASE, Credentials.client(client.clientId().toString(), client.clientSecret()));
        assertThat(boToken.me().id())
                .as("a client acts for the user who made it")
                .isEqualTo(user);
        assertThat(boToken.getTenant(customer).id()).isEqualTo(customer);
        assertThat(failure(() -> boToken.getTenant(SANDBOX.partner.id())).code())
                .isEqualTo("tenant_access_denied");
    }

    @Test
    void accessPoliciesStayInsideTheUsersTenantAndRootAdminOnTheRoot() {
        UUID customer = create("c", TenantKind.CUSTOMER, SANDBOX.partner.id()).id();
        UUID other = create("d", TenantKind.CUSTOMER, SANDBOX.partner.id()).id();
        UUID user = SANDBOX.newUser(customer);

        assertFails(
                () -> directory.replaceAccessPolicies(
                        user, new AccessPolicies(List.of(new AccessPolicy(Role.COMPANY_ADMIN, other)))),
                400,
                "invalid_value",
                "items[0].tenant_id");
        assertFails(
                () -> directory.replaceAccessPolicies(
                        user, new AccessPolicies(List.of(new AccessPolicy(Role.ROOT_ADMIN, customer)))),
                400,
                "invalid_value",
                "items[0].role_id");
        assertFails(
                () -> directory.replaceAccessPolicies(
                        user,
                        new AccessPolicies(List.of(
                                new AccessPolicy(Role.COMPANY_ADMIN, customer),
                                new AccessPolicy(Role.COMPANY_ADMIN, customer)))),
                400,
                "duplicate_value",
                "items[1]");
        assertThat(directory.accessPolicies(user).items()).isEmpty();
    }

    @Test
    void directoryBodiesAreStrict() {
        HttpCheck.assertBodyError(
                SANDBOX.postJson(
                        "/tenants",
                        "{\"name\":\"x\",\"kind\":\"customer\",\"parent_id\":\"" + SANDBOX.partner.id()
                                + "\",\"colour\":\"red\"}"),
                "unknown_field",
                "colour");
        HttpCheck.assertBodyError(
                SANDBOX.postJson(
                        "/tenants",
                        "{\"name\":\"x\",\"kind\":\"shop\",\"parent_id\":\"" + SANDBOX.partner.id() + "\"}"),
                "invalid_value",
                "kind");
        HttpCheck.assertBodyError(
                SANDBOX.postJson("/users", "{\"login\":\"x\",\"contact\":{\"mail\":\"a@b\"}}"),
                "unknown_field",
                "contact.mail");
        HttpCheck.assertBodyError(
                SANDBOX.postJson("/clients", "{\"type\":\"robot\",\"tenant_id\":\"" + SANDBOX.partner.id() + "\"}"),
                "invalid_value",
                "type");
        HttpCheck.assertBodyError(
                SANDBOX.putJson(
                        "/users/" + SANDBOX.newUser(SANDBOX.partner.id()) + "/access_policies",
                        "{\"items\":[{\"role_id\":\"owner\",\"tenant_id\":\"" + SANDBOX.partner.id() + "\"}]}"),
                "invalid_value",
                "items[0].role_id");
    }

    /** Raw-HTTP assertions for bodies report-client cannot send. */
    private static final class HttpCheck {
        static void assertBodyError(java.net.http.HttpResponse<String> response, String code, String field) {
            assertThat(Api.assertError(response, 400, code)
                            .getJsonObject("details")
                            .getString("field"))
                    .isEqualTo(field);
        }
    }
}
