package io.usagereports.web.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usagereports.service.common.ServiceException;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream bytes(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return new ByteArrayInputStream(out.toByteArray());
    }

    private static void refused(InputStream body, String messagePart) {
        assertThatThrownBy(() -> JsonObjectBodyReader.read(body)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(ServiceException.Kind.INVALID_REQUEST);
            assertThat(e.code()).isEqualTo("invalid_json");
            assertThat(e.domain()).isEqualTo("Api");
            assertThat(e.getMessage()).contains(messagePart).doesNotContain("Exception");
        });
    }

    private static String nested(int levels) {
        return "{\"a\":".repeat(levels - 1) + "{}" + "}".repeat(levels - 1);
    }

    @Test
    void nestingIsLimitedTo64LevelsBeforeTheParserBuildsAnything() {
        assertThat(JsonObjectBodyReader.read(body(nested(StrictJson.MAX_DEPTH))))
                .isNotNull();
        refused(body(nested(StrictJson.MAX_DEPTH + 1)), "nested more than 64 levels");
        refused(body("{\"a\":" + "[".repeat(1_000) + "]".repeat(1_000) + "}"), "nested more than 64 levels");
        refused(body("{\"a\":" + "[".repeat(100_000)), "nested more than 64 levels");
        refused(body(nested(5_000)), "nested more than 64 levels");
    }

    @Test
    void nothingButWhiteSpaceMayFollowTheValue() {
        assertThat(JsonObjectBodyReader.read(body("{\"name\":\"x\"} \r\n\t"))).containsKey("name");
        refused(body("{\"name\":\"x\"} x"), "not valid JSON");
        refused(body("{\"name\":\"x\"}{\"name\":\"y\"}"), "not valid JSON");
        refused(body("{\"name\":\"x\"}]"), "not valid JSON");
        refused(body("{\"name\":\"x\"} 1"), "not valid JSON");
    }

    @Test
    void aBodyCutShortOrEmptyIsRefused() {
        refused(body(""), "");
        refused(body("   "), "");
        refused(body("{\"name\":\"x\""), "not valid JSON");
        refused(body("{\"name\":NaN}"), "not valid JSON");
    }

    @Test
    void aFieldNamedTwiceInOneObjectIsRefused() {
        refused(body("{\"name\":\"x\",\"name\":\"y\"}"), "'name' twice");
        refused(body("{\"a\":{\"b\":1,\"b\":1}}"), "'b' twice");
        assertThat(JsonObjectBodyReader.read(body("{\"a\":{\"b\":1},\"b\":{\"b\":1}}")))
                .containsKeys("a", "b");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplaced() {
        byte[] open = "{\"name\":\"Acme".getBytes(StandardCharsets.UTF_8);
        byte[] close = "\"}".getBytes(StandardCharsets.UTF_8);
        refused(bytes(open, new byte[] {(byte) 0xff}, close), "not valid UTF-8");
        refused(bytes(open, new byte[] {(byte) 0xe9}, close), "not valid UTF-8"); // Latin-1 é
        refused(bytes(open, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, close), "not valid UTF-8"); // CESU
        refused(bytes(open, new byte[] {(byte) 0xc0, (byte) 0xaf}, close), "not valid UTF-8"); // overlong '/'
        refused(bytes("{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xe2}), "UTF-8");

        JsonObject ok = JsonObjectBodyReader.read(body("{\"name\":\"Zoë 東京 😀\"}"));
        assertThat(ok.getString("name")).isEqualTo("Zoë 東京 😀");
    }

    @Test
    void aValueThatIsNoObjectIsAWrongTypeNotASyntaxError() {
        assertThatThrownBy(() -> JsonObjectBodyReader.read(body("[1, 2]")))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.code()).isEqualTo("invalid_type"));
        refused(body("[1, 2] 3"), "not valid JSON");
    }
}
