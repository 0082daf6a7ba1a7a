package it.io.usagereports.web;

import io.usagereports.client.Credentials;
import io.usagereports.client.DirectoryApi;
import io.usagereports.client.ReportsApi;
import io.usagereports.client.ReportsClient;
import io.usagereports.client.UsageApi;
import io.usagereports.model.directory.ApiClient;
import io.usagereports.model.directory.Contact;
import io.usagereports.model.directory.Tenant;
import io.usagereports.model.directory.User;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A partner tenant of its own for a test, with an API client whose token reaches exactly that
 * partner's subtree: tests never see each other's data. Built by the bootstrap administrator.
 */
final class Sandbox {

    static final URI BASE = URI.create(Api.BASE);
    static final String ADMIN_LOGIN = "admin";
    static final String ADMIN_PASSWORD = System.getProperty("reports.admin.password", "it-admin-password-0123");

    private static DirectoryApi root;

    final Tenant partner;
    final ApiClient client;
    final ReportsApi reports;
    final DirectoryApi directory;
    private final UsageApi usage;
    private String token;

    private Sandbox(Tenant partner, ApiClient client) {
        this.partner = partner;
        this.client = client;
        Credentials credentials = Credentials.client(client.clientId().toString(), client.clientSecret());
        this.reports = ReportsClient.reports(BASE, credentials);
        this.directory = ReportsClient.directory(BASE, credentials);
        this.usage = ReportsClient.usage(BASE, credentials);
    }

    /** Usage data of the sandbox, through report-client. */
    UsageApi usage() {
        return usage;
    }

    /** The root administrator's directory access, through an API client made with Basic login. */
    static synchronized DirectoryApi root() {
        if (root == null) {
            DirectoryApi basic = ReportsClient.directory(BASE, Credentials.login(ADMIN_LOGIN, ADMIN_PASSWORD));
            UUID rootTenant = basic.me().tenantId();
            ApiClient client = basic.createClient(newClient(rootTenant));
            root = ReportsClient.directory(
                    BASE, Credentials.client(client.clientId().toString(), client.clientSecret()));
        }
        return root;
    }

    static UUID rootTenantId() {
        return root().me().tenantId();
    }

    static Sandbox create() {
        DirectoryApi admin = root();
        Tenant partner = admin.createTenant(Tenant.partner("partner " + UUID.randomUUID(), rootTenantId()));
        return new Sandbox(partner, admin.createClient(newClient(partner.id())));
    }

    static ApiClient newClient(UUID tenantId) {
        return ApiClient.forTenant(tenantId, "it client");
    }

    /** A new customer under this sandbox's partner. */
    UUID newCustomer() {
        return directory
                .createTenant(Tenant.customer("customer " + UUID.randomUUID(), partner.id()))
                .id();
    }

    /** A new user of {@code tenant}. */
    UUID newUser(UUID tenant) {
        return newUser(tenant, "").id();
    }

    /**
     * A new user of {@code tenant}, named Test User, whose address starts with {@code prefix}
     * (the tests' mail server refuses some by their prefix: see {@link SmtpFront}).
     */
    User newUser(UUID tenant, String prefix) {
        String login = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        return directory.createUser(
                User.of(tenant, login, new Contact(prefix + login + "@example.com", "Test", "User")));
    }

    /** A raw request carrying this sandbox's bearer token. */
    HttpRequest.Builder request(String path) {
        return Api.request(path).header("Authorization", "Bearer " + token());
    }

    HttpResponse<String> get(String path) {
        return Api.send(request(path).GET());
    }

    HttpResponse<String> postJson(String path, String json) {
        return Api.send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> putJson(String path, String json) {
        return Api.send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A bearer token of this sandbox's client, fetched once. */
    synchronized String token() {
        if (token == null) {
            token = ReportsClient.tokens(BASE)
                    .token(basic(client.clientId().toString(), client.clientSecret()), "client_credentials")
                    .accessToken();
        }
        return token;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
