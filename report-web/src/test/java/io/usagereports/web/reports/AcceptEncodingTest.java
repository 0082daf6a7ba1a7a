package io.usagereports.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptEncodingTest {

    @Test
    void gzipIsAcceptedWhenListedOrCoveredByAWildcardUnlessRefused() {
        assertThat(AcceptEncoding.acceptsGzip("gzip")).isTrue();
        assertThat(AcceptEncoding.acceptsGzip("deflate, GZIP;q=0.5, br")).isTrue();
        assertThat(AcceptEncoding.acceptsGzip("*")).isTrue();
        assertThat(AcceptEncoding.acceptsGzip("x-gzip")).isTrue();
    }

    @Test
    void gzipIsNotAcceptedWhenAbsentOrRefused() {
        assertThat(AcceptEncoding.acceptsGzip(null)).isFalse();
        assertThat(AcceptEncoding.acceptsGzip("")).isFalse();
        assertThat(AcceptEncoding.acceptsGzip("identity")).isFalse();
        assertThat(AcceptEncoding.acceptsGzip("br, deflate")).isFalse();
        assertThat(AcceptEncoding.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(AcceptEncoding.acceptsGzip("*, gzip;q=0.000")).isFalse();
        assertThat(AcceptEncoding.acceptsGzip("*;q=0")).isFalse();
    }
}
