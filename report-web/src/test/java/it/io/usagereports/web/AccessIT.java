package it.io.usagereports.web;

import static it.io.usagereports.web.Api.assertError;
import static it.io.usagereports.web.ApiFailures.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.usagereports.client.Credentials;
import io.usagereports.client.DirectoryApi;
import io.usagereports.client.ReportsApi;
import io.usagereports.client.ReportsClient;
import io.usagereports.model.directory.AccessPolicies;
import io.usagereports.model.directory.AccessPolicy;
import io.usagereports.model.directory.ApiClient;
import io.usagereports.model.directory.Contact;
import io.usagereports.model.directory.PasswordChange;
import io.usagereports.model.directory.Role;
import io.usagereports.model.directory.User;
import io.usagereports.model.directory.UserUpdate;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportRevision;
import io.usagereports.model.reports.ReportUpdate;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Revocable access and throttled sign-ins (docs/api.md §2) over HTTP: deleting a client, disabling
 * and deleting a user, and bursts of wrong secrets. Every request here comes from 127.0.0.1, so
 * the per-address rules are covered by LoginThrottleTest; each burst here uses a credential of
 * its own, so no other test's sign-ins are locked.
 */
class AccessIT {

    private static final Sandbox SANDBOX = Sandbox.create();

    /** How long a revoked token may still pass on a server that did not make the change, plus slack. */
    private static final Duration WINDOW = Duration.ofSeconds(5 + 3);

    private final DirectoryApi directory = SANDBOX.directory;

    /** A user of a new customer of the sandbox, with a password and company_admin on its tenant. */
    private record Person(UUID id, UUID tenant, String login, String password) {

        DirectoryApi basic() {
            return ReportsClient.directory(Sandbox.BASE, Credentials.login(login, password));
        }
    }

    private Person newPerson() {
        UUID customer = SANDBOX.newCustomer();
        String login = "acc" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String password = "a long password " + UUID.randomUUID();
        UUID id = directory
                .createUser(User.of(customer, login, Contact.ofEmail(login + "@example.com")))
                .id();
        directory.setPassword(id, new PasswordChange(password));
        directory.replaceAccessPolicies(
                id, new AccessPolicies(List.of(new AccessPolicy(Role.COMPANY_ADMIN, customer))));
        return new Person(id, customer, login, password);
    }

    private static HttpResponse<String> tokenRequest(String authorization, String form) {
        HttpRequest.Builder request = Api.request("/idp/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Api.send(request);
    }

    private static HttpResponse<String> tokenRequest(ApiClient client, String secret) {
        return tokenRequest(Sandbox.basic(client.clientId().toString(), secret), "grant_type=client_credentials");
    }

    private static String token(ApiClient client) {
        HttpResponse<String> response = tokenRequest(client, client.clientSecret());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response).getString("access_token");
    }

    private static HttpResponse<String> get(String path, String authorization) {
        return Api.send(Api.request(path).header("Authorization", authorization).GET());
    }

    private static HttpResponse<String> me(String token) {
        return get("/users/me", "Bearer " + token);
    }

    /** Asks until the answer has {@code status}; fails if it has not within {@link #WINDOW}. */
    private static HttpResponse<String> within(Supplier<HttpResponse<String>> call, int status) {
        long deadline = System.nanoTime() + WINDOW.toNanos();
        HttpResponse<String> response = call.get();
        while (response.statusCode() != status && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            response = call.get();
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static HttpResponse<String> delete(String path) {
        return Api.send(SANDBOX.request(path).DELETE());
    }

    private static void assertBodyError(HttpResponse<String> response, String code, String field) {
        assertThat(assertError(response, 400, code).getJsonObject("details").getString("field"))
                .isEqualTo(field);
    }

    private static void assertRetryAfter(HttpResponse<String> response) {
        JsonObject error = assertError(response, 429, "too_many_attempts");
        long seconds =
                Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(seconds).isBetween(1L, 300L);
        assertThat(error.getJsonObject("context").getJsonNumber("retry_after").longValue())
                .isEqualTo(seconds);
    }

    @Test
    void aDeletedClientGetsNoTokenAndItsTokensAreRefused() {
        ApiClient client = directory.createClient(Sandbox.newClient(SANDBOX.partner.id()));
        String token = token(client);
        assertThat(me(token).statusCode()).isEqualTo(200);
        assertThat(directory.getClient(client.clientId()).clientSecret()).isNull();

        directory.deleteClient(client.clientId());

        HttpResponse<String> refused = within(() -> me(token), 401);
        assertThat(assertError(refused, 401, "unauthorized").getString("message"))
                .contains("deleted");
        assertError(within(() -> get("/reports", "Bearer " + token), 401), 401, "unauthorized");
        assertError(tokenRequest(client, client.clientSecret()), 401, "unauthorized");
        assertFails(() -> directory.getClient(client.clientId()), 404, "not_found");
        assertFails(() -> directory.deleteClient(client.clientId()), 404, "not_found");
        assertFails(() -> directory.deleteClient(UUID.randomUUID()), 404, "not_found");
        assertError(delete("/clients/not-a-uuid"), 404, "not_found");
    }

    @Test
    void aClientOutsideTheCallersSubtreeCannotBeDeleted() {
        Sandbox other = Sandbox.create();
        ApiClient theirs = other.directory.createClient(Sandbox.newClient(other.partner.id()));

        assertFails(() -> directory.deleteClient(theirs.clientId()), 404, "not_found");
        assertThat(me(token(theirs)).statusCode()).isEqualTo(200);
    }

    @Test
    void theUserWhoMadeAClientMayDeleteItWhateverItsRole() {
        Person reader = newPerson();
        directory.replaceAccessPolicies(
                reader.id(), new AccessPolicies(List.of(new AccessPolicy(Role.READONLY_ADMIN, reader.tenant()))));
        ApiClient mine = reader.basic().createClient(Sandbox.newClient(reader.tenant()));
        ApiClient colleagues = directory.createClient(Sandbox.newClient(reader.tenant()));
        DirectoryApi readOnly = ReportsClient.directory(
                Sandbox.BASE, Credentials.client(mine.clientId().toString(), mine.clientSecret()));

        assertFails(() -> readOnly.deleteClient(colleagues.clientId()), 403, "forbidden");
        readOnly.deleteClient(mine.clientId());

        assertFails(() -> directory.getClient(mine.clientId()), 404, "not_found");
        assertThat(directory.getClient(colleagues.clientId()).clientId()).isEqualTo(colleagues.clientId());
    }

    @Test
    void aDisabledUserCannotSignInAndItsClientsTokensAreRefusedUntilItIsEnabledAgain() {
        Person person = newPerson();
        assertThat(person.basic().me().enabled()).isTrue();
        ApiClient client = person.basic().createClient(Sandbox.newClient(person.tenant()));
        String token = token(client);
        assertThat(me(token).statusCode()).isEqualTo(200);
        int version = directory.getUser(person.id()).version();

        User disabled = directory.updateUser(person.id(), UserUpdate.enabled(false, version));

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.version()).isEqualTo(version + 1);
        assertThat(directory.getUser(person.id())).isEqualTo(disabled);
        assertError(within(() -> me(token), 401), 401, "unauthorized");
        assertFails(() -> person.basic().me(), 401, "unauthorized");
        HttpResponse<String> noToken = tokenRequest(client, client.clientSecret());
        assertThat(assertError(noToken, 401, "unauthorized").getString("message"))
                .contains("disabled");
        assertFails(
                () -> directory.updateUser(person.id(), UserUpdate.enabled(true, version)), 409, "version_conflict");

        User enabled = directory.updateUser(person.id(), UserUpdate.enabled(true));

        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.version()).isEqualTo(version + 2);
        assertThat(person.basic().me().id()).isEqualTo(person.id());
        assertThat(within(() -> me(token), 200).statusCode()).isEqualTo(200);
        assertThat(me(token(client)).statusCode()).isEqualTo(200);
    }

    @Test
    void aUserIsUpdatedOnlyInItsEnabledFlagAndNobodyDisablesOrDeletesThemselves() {
        Person person = newPerson();
        ApiClient client = person.basic().createClient(Sandbox.newClient(person.tenant()));
        DirectoryApi self = ReportsClient.directory(
                Sandbox.BASE, Credentials.client(client.clientId().toString(), client.clientSecret()));
        int version = directory.getUser(person.id()).version();

        assertFails(() -> self.updateUser(person.id(), UserUpdate.enabled(false, version)), 403, "forbidden");
        assertFails(() -> self.deleteUser(person.id(), version), 403, "forbidden");
        assertThat(self.me().enabled()).isTrue();
        assertThat(self.updateUser(person.id(), UserUpdate.enabled(true)).version())
                .as("enabling oneself changes nothing but the version")
                .isEqualTo(version + 1);

        assertBodyError(
                SANDBOX.putJson("/users/" + person.id(), "{\"login\":\"other\"}"), "field_not_updatable", "login");
        assertBodyError(SANDBOX.putJson("/users/" + person.id(), "{\"enabled\":\"maybe\"}"), "invalid_type", "enabled");
        assertBodyError(SANDBOX.putJson("/users/" + person.id(), "{\"colour\":\"red\"}"), "unknown_field", "colour");
        assertError(SANDBOX.putJson("/users/" + UUID.randomUUID(), "{\"enabled\":false}"), 404, "not_found");
        User created =
                directory.createUser(User.of(person.tenant(), person.login() + "x", Contact.ofEmail("x@example.com"))
                        .withEnabled(false));
        assertThat(created.enabled()).isFalse();
    }

    @Test
    void aDeletedUserLosesItsClientsAndPoliciesAndStaysInReportsByItsId() {
        Person person = newPerson();
        ApiClient client = person.basic().createClient(Sandbox.newClient(person.tenant()));
        String token = token(client);
        ReportsApi reportsOfPerson = ReportsClient.reports(
                Sandbox.BASE, Credentials.client(client.clientId().toString(), client.clientSecret()));
        Report report = reportsOfPerson.createReport(ReportTestData.monthlySend(person.tenant(), person.id()));
        SANDBOX.reports.updateReport(report.id(), 1, ReportUpdate.empty());
        int version = directory.getUser(person.id()).version();

        assertError(delete("/users/" + person.id()), 400, "required_field");
        assertError(delete("/users/" + person.id() + "?version=x"), 400, "invalid_value");
        assertFails(() -> directory.deleteUser(person.id(), version + 1), 409, "version_conflict");
        directory.deleteUser(person.id(), version);

        assertFails(() -> directory.getUser(person.id()), 404, "not_found");
        assertFails(() -> directory.accessPolicies(person.id()), 404, "not_found");
        assertFails(() -> directory.getClient(client.clientId()), 404, "not_found");
        assertFails(() -> directory.deleteUser(person.id(), version), 404, "not_found");
        assertError(within(() -> me(token), 401), 401, "unauthorized");
        assertError(tokenRequest(client, client.clientSecret()), 401, "unauthorized");
        assertFails(() -> person.basic().me(), 401, "unauthorized");

        assertThat(SANDBOX.reports.getReport(report.id()).recipients()).containsExactly(person.id());
        List<ReportRevision> revisions = SANDBOX.reports.revisions(report.id()).items();
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).changedBy()).as("the deleted user made it").isEqualTo(person.id());
        assertThat(revisions)
                .allSatisfy(
                        revision -> assertThat(revision.report().recipients()).containsExactly(person.id()));

        User again =
                directory.createUser(User.of(person.tenant(), person.login(), Contact.ofEmail("again@example.com")));
        assertThat(again.id()).as("the login is free again, for a new user").isNotEqualTo(person.id());
    }

    @Test
    void aBurstOfWrongClientSecretsIsRefusedWith429WithoutCheckingThem() {
        ApiClient client = directory.createClient(Sandbox.newClient(SANDBOX.partner.id()));
        for (int i = 0; i < 10; i++) {
            assertError(tokenRequest(client, "wrong-" + i), 401, "unauthorized");
        }

        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertRetryAfter(tokenRequest(client, "wrong-again-" + i));
        }
        Duration burst = Duration.ofNanos(System.nanoTime() - start);

        assertThat(burst).isLessThan(Duration.ofSeconds(1));
        assertRetryAfter(tokenRequest(client, client.clientSecret()));
        assertFails(
                () -> ReportsClient.directory(
                                Sandbox.BASE,
                                Credentials.client(client.clientId().toString(), client.clientSecret()))
                        .me(),
                429,
                "too_many_attempts");
    }

    @Test
    void aBurstOfWrongPasswordsIsRefusedWith429WithoutHashingThem() {
        Person person = newPerson();
        String wrong = Sandbox.basic(person.login(), "not the password");
        for (int i = 0; i < 10; i++) {
            assertError(get("/users/me", wrong), 401, "unauthorized");
        }

        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertRetryAfter(get("/users/me", wrong));
        }
        Duration burst = Duration.ofNanos(System.nanoTime() - start);

        assertThat(burst).as("50 password hashes would take seconds").isLessThan(Duration.ofSeconds(1));
        assertRetryAfter(get("/users/me", Sandbox.basic(person.login(), person.password())));
        assertFails(() -> person.basic().createClient(Sandbox.newClient(person.tenant())), 429, "too_many_attempts");
    }

    @Test
    void aMalformedTokenRequestBodyIs400() {
        ApiClient client = directory.createClient(Sandbox.newClient(SANDBOX.partner.id()));
        String basic = Sandbox.basic(client.clientId().toString(), client.clientSecret());

        JsonObject error = assertError(tokenRequest(basic, "grant_type=client%zz_credentials"), 400, "invalid_value");
        assertThat(error.getJsonObject("details").getString("field")).isEqualTo("grant_type");
        assertError(tokenRequest(basic, "grant%zz_type=client_credentials"), 400, "invalid_value");
        assertError(tokenRequest(basic, "grant_type=password"), 400, "unsupported_grant_type");
        assertError(tokenRequest(basic, ""), 400, "required_field");
        assertThat(tokenRequest(basic, "grant_type=client%5Fcredentials&scope=x")
                        .statusCode())
                .isEqualTo(200);
    }
}
