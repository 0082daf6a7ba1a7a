package io.usagereports.web.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usagereports.service.common.ServiceException;
import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void readsTheExpectedVersionFromIfMatchOrQuery() {
        assertThat(Versions.expected("\"3\"", null)).isEqualTo(3);
        assertThat(Versions.expected("3", null)).isEqualTo(3);
        assertThat(Versions.expected(null, "4")).isEqualTo(4);
        assertThat(Versions.expected("\"5\"", "5")).isEqualTo(5);
        assertThat(Versions.expected("*", null)).isNull();
        assertThat(Versions.expected(null, null)).isNull();
    }

    @Test
    void refusesMalformedOrContradictoryVersions() {
        for (String[] bad : new String[][] {
            {"W/\"3\"", null}, {"\"x\"", null}, {null, "0"}, {null, "-1"}, {null, "two"}, {"\"3\"", "4"}
        }) {
            assertThatThrownBy(() -> Versions.expected(bad[0], bad[1]))
                    .isInstanceOfSatisfying(ServiceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ServiceException.Kind.INVALID_REQUEST);
                        assertThat(e.code()).isEqualTo("invalid_value");
                    });
        }
    }
}
