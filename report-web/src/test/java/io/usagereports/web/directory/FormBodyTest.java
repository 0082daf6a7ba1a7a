package io.usagereports.web.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.usagereports.service.common.ServiceException;
import org.junit.jupiter.api.Test;

class FormBodyTest {

    @Test
    void decodesPercentEscapesAndPlusAndKeepsTheFirstOfARepeatedField() {
        FormBody form = FormBody.parse("grant_type=client%5Fcredentials&scope=a+b&scope=c&flag&&empty=");

        assertThat(form.get("grant_type")).isEqualTo("client_credentials");
        assertThat(form.get("scope")).isEqualTo("a b");
        assertThat(form.get("flag")).isEmpty();
        assertThat(form.get("empty")).isEmpty();
        assertThat(form.get("absent")).isNull();
        assertThat(FormBody.parse("").get("grant_type")).isNull();
        assertThat(FormBody.parse(null).get("grant_type")).isNull();
    }

    @Test
    void aMalformedPercentEscapeIs400NamingTheField() {
        ServiceException value =
                catchThrowableOfType(() -> FormBody.parse("grant_type=client%zz_credentials"), ServiceException.class);
        assertThat(value.kind()).isEqualTo(ServiceException.Kind.INVALID_REQUEST);
        assertThat(value.code()).isEqualTo("invalid_value");
        assertThat(value.field()).isEqualTo("grant_type");

        ServiceException name = catchThrowableOfType(() -> FormBody.parse("grant%zz=x"), ServiceException.class);
        assertThat(name.code()).isEqualTo("invalid_value");
        assertThat(name.field()).isNull();
        assertThat(catchThrowableOfType(() -> FormBody.parse("a=%4"), ServiceException.class))
                .isNotNull();
    }
}
