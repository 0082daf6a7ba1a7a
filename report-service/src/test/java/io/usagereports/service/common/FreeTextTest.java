package io.usagereports.service.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreeTextTest {

    @Test
    void acceptsOrdinaryTextTabsAndEveryScript() {
        assertThat(FreeText.problem(null, "name")).isEmpty();
        assertThat(FreeText.problem("", "name")).isEmpty();
        assertThat(FreeText.problem("Acme GmbH & Co. KG", "name")).isEmpty();
        assertThat(FreeText.problem("Müller\tΑθήνα 東京 😀", "name")).isEmpty();
    }

    @Test
    void refusesControlCharactersNamingFieldAndCharacter() {
        assertThat(FreeText.problem("Acme\u0000", "name"))
                .hasValueSatisfying(message -> assertThat(message).contains("name", "U+0000", "position 4"));
        assertThat(FreeText.problem("\u001b[31mred\u001b[0m", "usage_name"))
                .hasValueSatisfying(message -> assertThat(message).contains("usage_name", "U+001B"));
        assertThat(FreeText.problem("two\nlines", "name")).isPresent();
        assertThat(FreeText.problem("cr\r", "name")).isPresent();
        assertThat(FreeText.problem("del\u007f", "name")).isPresent();
        assertThat(FreeText.problem("c1\u0085", "name")).isPresent();
    }

    @Test
    void refusesLoneSurrogatesButNotPairs() {
        assertThat(FreeText.problem("a\ud800b", "name"))
                .hasValueSatisfying(message -> assertThat(message).contains("surrogate", "U+D800"));
        assertThat(FreeText.problem("end\udc00", "name")).isPresent();
        assertThat(FreeText.problem("\ud83d\ude00", "name")).isEmpty();
    }
}
