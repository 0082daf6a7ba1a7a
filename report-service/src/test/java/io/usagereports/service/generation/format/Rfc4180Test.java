package io.usagereports.service.generation.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Rfc4180Test {

    @Test
    void quotesOnlyFieldsWithCommasQuotesOrLineBreaks() throws Exception {
        StringWriter out = new StringWriter();
        Rfc4180 csv = new Rfc4180(out);
        csv.record(Arrays.asList("plain", "#hash", " lead and trail ", "a,b", "say \"hi\"", "two\nlines", "", null));
        csv.field(42L).field((Long) null).field((Object) null).endRecord();
        csv.flush();
        assertThat(out.toString())
                .isEqualTo("plain,#hash, lead and trail ,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\r\n42,,\r\n");
    }
}
