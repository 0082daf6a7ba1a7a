package io.usagereports.web.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestChecksTest {

    @Test
    void ordinaryPathsPass() {
        assertThat(RequestChecks.pathProblem("/api/2/reports/6f1a6d2e-1111-4c1e-9a1e-123456789012/stored"))
                .isNull();
        assertThat(RequestChecks.pathProblem("/api/2/tenants/a%20b/reports")).isNull();
        assertThat(RequestChecks.pathProblem("/api/2/x/%C3%A9t%C3%A9/%25")).isNull();
        assertThat(RequestChecks.pathProblem("/api/2/reports/a;b")).isNull();
    }

    @Test
    void encodedSeparatorsAreRefusedAsLibertyWould() {
        for (String path : new String[] {
            "/api/2/%2e", "/api/2/%2E%2E/x", "/api/2/a%2fb", "/api/2/a%2Fb", "/api/2/a%5cb", "/api/2/a%23b"
        }) {
            assertThat(RequestChecks.pathProblem(path)).as(path).contains("encoded");
        }
        assertThat(RequestChecks.pathProblem("/api/2/a\\b")).isNotNull();
    }

    @Test
    void escapesMustBeWellFormedUtf8WithoutControlCharacters() {
        assertThat(RequestChecks.pathProblem("/api/2/%ff%fe")).contains("UTF-8");
        assertThat(RequestChecks.pathProblem("/api/2/%c0%ae")).contains("UTF-8");
        assertThat(RequestChecks.pathProblem("/api/2/%e2%82")).contains("UTF-8");
        assertThat(RequestChecks.pathProblem("/api/2/%ed%a0%80")).contains("UTF-8");
        assertThat(RequestChecks.pathProblem("/api/2/%zz")).contains("malformed");
        assertThat(RequestChecks.pathProblem("/api/2/%4")).contains("malformed");
        assertThat(RequestChecks.pathProblem("/api/2/%")).contains("malformed");
        assertThat(RequestChecks.pathProblem("/api/2/%00")).contains("control");
        assertThat(RequestChecks.pathProblem("/api/2/%0a")).contains("control");
        assertThat(RequestChecks.pathProblem("/api/2/\u00e9")).contains("not percent-encoded");
    }

    @Test
    void mediaTypesAndAcceptLists() {
        assertThat(RequestChecks.isMediaType("application/json")).isTrue();
        assertThat(RequestChecks.isMediaType("application/json; charset=utf-8")).isTrue();
        assertThat(RequestChecks.isMediaType("")).isFalse();
        assertThat(RequestChecks.isMediaType("  ")).isFalse();
        assertThat(RequestChecks.isMediaType(";;")).isFalse();
        assertThat(RequestChecks.isMediaType("json")).isFalse();
        assertThat(RequestChecks.isAcceptList("application/json, text/*;q=0.5, */*;q=0.1"))
                .isTrue();
        assertThat(RequestChecks.isAcceptList("")).isTrue();
        assertThat(RequestChecks.isAcceptList("text")).isFalse();
        assertThat(RequestChecks.isAcceptList(";;")).isFalse();
    }
}
