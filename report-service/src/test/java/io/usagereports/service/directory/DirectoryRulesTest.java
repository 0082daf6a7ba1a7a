package io.usagereports.service.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usagereports.service.common.ServiceException;
import org.junit.jupiter.api.Test;

class DirectoryRulesTest {

    private static void refused(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(ServiceException.Kind.INVALID_REQUEST);
            assertThat(e.code()).isEqualTo("invalid_value");
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Test
    void namesRefuseControlCharactersAndLoneSurrogates() {
        refused(() -> DirectoryRules.name("Acme\u0000", "name"), "name");
        refused(() -> DirectoryRules.name("\u001b[2JAcme", "name"), "name");
        refused(() -> DirectoryRules.name("Acme\nEvil", "name"), "name");
        refused(() -> DirectoryRules.name("Acme\ud800", "data.client_name"), "data.client_name");
        refused(() -> DirectoryRules.optionalName("Ann\u0007", "contact.firstname"), "contact.firstname");
        refused(() -> DirectoryRules.optionalName("\ud800", "contact.lastname"), "contact.lastname");
        refused(() -> DirectoryRules.email("a\u0000b@example.com"), "contact.email");
    }

    @Test
    void ordinaryNamesStayAccepted() {
        assertThat(DirectoryRules.name("  Acme\tWest  ", "name")).isEqualTo("Acme\tWest");
        assertThat(DirectoryRules.name("Zoë 東京 😀", "name")).isEqualTo("Zoë 東京 😀");
        assertThat(DirectoryRules.optionalName(null, "contact.firstname")).isNull();
        assertThat(DirectoryRules.optionalName("Ann", "contact.firstname")).isEqualTo("Ann");
        assertThat(DirectoryRules.email("ann@example.com")).isEqualTo("ann@example.com");
    }
}
