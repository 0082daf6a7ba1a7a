package it.io.usagereports.web;

import static it.io.usagereports.web.Api.assertError;
import static it.io.usagereports.web.ApiFailures.assertFails;
import static it.io.usagereports.web.ApiFailures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.usagereports.client.ApiErrorException;
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
import io.usagereports.model.directory.Tenant;
import io.usagereports.model.directory.TenantUpdate;
import io.usagereports.model.directory.Token;
import io.usagereports.model.directory.User;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportUpdate;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md §1 "Who may see what" and §2 over real HTTP: forged and missing tokens, a tenant's
 * token against another tenant's data, a read-only token writing, and secrets that never leak.
 */
class SecurityIT {

    private static final Sandbox A = Sandbox.create();
    private static final Sandbox B = Sandbox.create();

    private static HttpResponse<String> getWith(String path, String authorization) {
        HttpRequest.Builder request = Api.request(path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Api.send(request.GET());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void requestsWithoutAValidTokenAre401InTheErrorShape() throws Exception {
        String valid = A.token();
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String kid = SignedJWT.parse(valid).getHeader().getKeyID();

        String tamperedSignature =
                parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1);
        String tamperedPayload =
                parts[0] + "." + b64(payload.replace("\"tpath\":\"", "\"tpath\":\"x")) + "." + parts[2];
        String algNone = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID(kid).generate();
        SignedJWT foreign = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                SignedJWT.parse(valid).getJWTClaimsSet());
        foreign.sign(new RSASSASigner(otherKey));
        RSAKey unknownKey = new RSAKeyGenerator(2048).keyID("unknown-key").generate();
        SignedJWT unknown = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("unknown-key").build(),
                SignedJWT.parse(valid).getJWTClaimsSet());
        unknown.sign(new RSASSASigner(unknownKey));

        String[] rejected = {
            null,
            "Bearer",
            "Bearer not-a-jwt",
            "Bearer " + tamperedSignature,
            "Bearer " + tamperedPayload,
            "Bearer " + algNone,
            "Bearer " + foreign.serialize(),
            "Bearer " + unknown.serialize(),
            "Token " + valid,
            Sandbox.basic(Sandbox.ADMIN_LOGIN, Sandbox.ADMIN_PASSWORD)
        };
        for (String path :
                List.of("/reports", "/tenants/" + A.partner.id(), "/tenants/" + A.partner.id() + "/reports")) {
            for (String authorization : rejected) {
                HttpResponse<String> response = getWith(path, authorization);
                assertError(response, 401, "unauthorized");
                assertThat(response.headers().firstValue("WWW-Authenticate"))
                        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            }
            assertThat(getWith(path, "Bearer " + valid).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theTokenEndpointAnswersWrongCredentialsWith401AndIssuesWellFormedTokens() {
        String good = Sandbox.basic(A.client.clientId().toString(), A.client.clientSecret());
        String wrong = Sandbox.basic(A.client.clientId().toString(), A.client.clientSecret() + "x");
        String unknownClient = Sandbox.basic(UUID.randomUUID().toString(), A.client.clientSecret());

        assertFails(() -> ReportsClient.tokens(Sandbox.BASE).token(wrong, "client_credentials"), 401, "unauthorized");
        assertFails(
                () -> ReportsClient.tokens(Sandbox.BASE).token(unknownClient, "client_credentials"),
                401,
                "unauthorized");
        assertFails(() -> ReportsClient.tokens(Sandbox.BASE).token(null, "client_credentials"), 401, "unauthorized");
        assertFails(() -> ReportsClient.tokens(Sandbox.BASE).token(good, "password"), 400, "unsupported_grant_type");

        Token token = ReportsClient.tokens(Sandbox.BASE).token(good, "client_credentials");
        assertThat(token.tokenType()).isEqualTo("bearer");
        assertThat(token.scope()).isEqualTo("root_admin");
        assertThat(token.expiresOn())
                .isBetween(Instant.now().getEpochSecond() + 7100, Instant.now().getEpochSecond() + 7300);
    }

    @Test
    void basicLoginWorksOnlyWhereTheSpecAllowsIt() {
        DirectoryApi basic =
                ReportsClient.directory(Sandbox.BASE, Credentials.login(Sandbox.ADMIN_LOGIN, Sandbox.ADMIN_PASSWORD));
        User admin = basic.me();
        assertThat(admin.login()).isEqualTo(Sandbox.ADMIN_LOGIN);
        assertThat(admin.tenantId()).isEqualTo(Sandbox.rootTenantId());
        assertFails(() -> basic.getTenant(admin.tenantId()), 401, "unauthorized");

        DirectoryApi wrongPassword =
                ReportsClient.directory(Sandbox.BASE, Credentials.login(Sandbox.ADMIN_LOGIN, "not-the-password"));
        assertFails(wrongPassword::me, 401, "unauthorized");
        assertFails(() -> wrongPassword.createClient(Sandbox.newClient(admin.tenantId())), 401, "unauthorized");
    }

    @Test
    void aTokenSeesItsTenantsSubtreeAndNothingElse() {
        UUID customerOfB = B.newCustomer();
        UUID userOfB = B.newUser(customerOfB);
        Report reportOfB = B.reports.createReport(ReportTestData.monthlySave(customerOfB));
        UUID customerOfA = A.newCustomer();

        // tenants named in the path or body: 403 tenant_access_denied
        assertFails(() -> A.directory.getTenant(B.partner.id()), 403, "tenant_access_denied");
        assertFails(() -> A.directory.children(B.partner.id()), 403, "tenant_access_denied");
        assertFails(
                () -> A.directory.renameTenant(customerOfB, new TenantUpdate("mine", 1)), 403, "tenant_access_denied");
        assertFails(() -> A.directory.createTenant(Tenant.customer("x", B.partner.id())), 403, "tenant_access_denied");
        assertFails(
                () -> A.directory.createUser(User.of(
                        customerOfB,
                        "intruder" + UUID.randomUUID().toString().substring(0, 8),
                        Contact.ofEmail("i@example.com"))),
                403,
                "tenant_access_denied");
        assertFails(() -> A.directory.createClient(Sandbox.newClient(customerOfB)), 403, "tenant_access_denied");
        assertFails(() -> A.reports.tenantReports(customerOfB), 403, "tenant_access_denied");
        assertFails(
                () -> A.reports.listReports(customerOfB, null, null, null, null, null), 403, "tenant_access_denied");
        assertFails(() -> A.reports.createReport(ReportTestData.monthlySave(customerOfB)), 403, "tenant_access_denied");
        assertFails(
                () -> A.reports.createReport(ReportTestData.monthlySave(Sandbox.rootTenantId())),
                403,
                "tenant_access_denied");
        assertFails(
                () -> A.reports.createReport(ReportTestData.monthlySave(UUID.randomUUID())),
                403,
                "tenant_access_denied");

        // objects addressed by their own ID: 404, as if they did not exist
        assertFails(() -> A.directory.getUser(userOfB), 404, "not_found");
        assertFails(
                () -> A.directory.setPassword(userOfB, new PasswordChange("a-new-password-1234")), 404, "not_found");
        assertFails(() -> A.directory.accessPolicies(userOfB), 404, "not_found");
        assertFails(() -> A.directory.replaceAccessPolicies(userOfB, new AccessPolicies(List.of())), 404, "not_found");
        assertFails(() -> A.reports.getReport(reportOfB.id()), 404, "not_found");
        assertFails(() -> A.reports.revisions(reportOfB.id()), 404, "not_found");
        assertFails(() -> A.reports.updateReport(reportOfB.id(), 1, ReportUpdate.empty()), 404, "not_found");
        assertFails(() -> A.reports.deleteReport(reportOfB.id(), 1), 404, "not_found");
        assertThat(A.reports.listReports(null, null, null, null, 1000, null).items())
                .extracting(Report::id)
                .doesNotContain(reportOfB.id());

        // a user outside the report's subtree named as a value: 400 naming the field
        ApiErrorException recipient =
                failure(() -> A.reports.createReport(ReportTestData.monthlySend(customerOfA, userOfB)));
        assertThat(recipient.status()).isEqualTo(400);
        assertThat(recipient.field()).isEqualTo("recipients[0]");
        UUID siblingUser = A.newUser(A.newCustomer());
        ApiErrorException sibling = failure(() ->
                A.reports.createReport(ReportTestData.monthlySend(customerOfA, A.newUser(customerOfA), siblingUser)));
        assertThat(sibling.field())
                .as("a user of a sibling tenant is not inside the report's subtree")
                .isEqualTo("recipients[1]");

        // nothing of B changed
        assertThat(B.reports.getReport(reportOfB.id())).isEqualTo(reportOfB);
        assertThat(B.directory.getTenant(customerOfB).version()).isEqualTo(1);
    }

    @Test
    void aReadOnlyTokenReadsButEveryWriteIs403() {
        UUID customer = A.newCustomer();
        Report existing = A.reports.createReport(ReportTestData.monthlySave(customer));
        UUID colleague = A.newUser(customer);
        String login = "ro" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        UUID reader = A.directory
                .createUser(User.of(A.partner.id(), login, Contact.ofEmail(login + "@example.com")))
                .id();
        A.directory.setPassword(reader, new PasswordChange("read-only-password-123"));
        A.directory.replaceAccessPolicies(
                reader, new AccessPolicies(List.of(new AccessPolicy(Role.READONLY_ADMIN, A.partner.id()))));
        ApiClient client = ReportsClient.directory(Sandbox.BASE, Credentials.login(login, "read-only-password-123"))
                .createClient(Sandbox.newClient(A.partner.id()));
        Credentials readOnly = Credentials.client(client.clientId().toString(), client.clientSecret());
        ReportsApi reports = ReportsClient.reports(Sandbox.BASE, readOnly);
        DirectoryApi directory = ReportsClient.directory(Sandbox.BASE, readOnly);

        assertThat(reports.getReport(existing.id())).isEqualTo(existing);
        assertThat(directory.getTenant(customer).id()).isEqualTo(customer);
        assertThat(directory.me().id()).isEqualTo(reader);

        assertFails(() -> reports.createReport(ReportTestData.monthlySave(customer)), 403, "forbidden");
        assertFails(() -> reports.updateReport(existing.id(), 1, ReportUpdate.empty()), 403, "forbidden");
        assertFails(() -> reports.deleteReport(existing.id(), 1), 403, "forbidden");
        assertFails(() -> directory.createTenant(Tenant.customer("x", A.partner.id())), 403, "forbidden");
        assertFails(() -> directory.renameTenant(customer, new TenantUpdate("y", 1)), 403, "forbidden");
        assertFails(
                () -> directory.createUser(User.of(customer, "x" + login, Contact.ofEmail("x@example.com"))),
                403,
                "forbidden");
        assertFails(
                () -> directory.setPassword(colleague, new PasswordChange("another-password-123")), 403, "forbidden");
        assertFails(
                () -> directory.replaceAccessPolicies(
                        colleague, new AccessPolicies(List.of(new AccessPolicy(Role.COMPANY_ADMIN, customer)))),
                403,
                "forbidden");

        assertThat(A.reports.getReport(existing.id())).isEqualTo(existing);
        assertThat(A.directory.getTenant(customer).version()).isEqualTo(1);
        assertThat(A.directory.accessPolicies(colleague).items()).isEmpty();
    }

    @Test
    void secretsAndPasswordHashesAppearInNoResponseAndNoLogLine() throws Exception {
        UUID user = A.newUser(A.newCustomer());
        A.directory.setPassword(user, new PasswordChange("a-very-secret-password-42"));
        ApiClient client = A.directory.createClient(Sandbox.newClient(A.partner.id()));
        assertThat(client.clientSecret()).hasSizeGreaterThanOrEqualTo(40);

        String userJson = A.get("/users/" + user).body();
        assertThat(userJson).doesNotContain("password").doesNotContain("pbkdf2").doesNotContain("hash");
        String meJson = A.get("/users/me").body();
        assertThat(meJson).doesNotContain("secret").doesNotContain("pbkdf2");

        Path log = Path.of("target/liberty/wlp/usr/servers/reports-it/logs/messages.log");
        String logged = Files.readString(log);
        assertThat(logged)
                .doesNotContain(client.clientSecret())
                .doesNotContain(A.client.clientSecret())
                .doesNotContain("a-very-secret-password-42")
                .doesNotContain(Sandbox.ADMIN_PASSWORD)
                .doesNotContain("pbkdf2-sha512$");
    }
}
