package io.usagereports.model.reports;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.UUID;

/**
 * What a report covers ({@code tenant_id}, {@code level}, {@code period}), measures and produces.
 * {@code timezone} (an IANA name) draws the day boundaries of every value and the dates of
 * scheduled periods; absent, a scheduled report follows its schedule's time zone, others UTC.
 */
public record ReportParameters(
        @JsonbProperty("tenant_id") UUID tenantId,
        ReportLevel level,
        ReportKind kind,
        List<ReportFormat> formats,
        Period period,
        @JsonbProperty("hide_zero_usage") Boolean hideZeroUsage,
        @JsonbProperty("show_skus") Boolean showSkus,
        String timezone) {

    /** The canonical constructor, the one JSON-B reads with. */
    @JsonbCreator
    public ReportParameters {}

    /** Parameters with the default time zone. */
    public ReportParameters(
            UUID tenantId,
            ReportLevel level,
            ReportKind kind,
            List<ReportFormat> formats,
            Period period,
            Boolean hideZeroUsage,
            Boolean showSkus) {
        this(tenantId, level, kind, formats, period, hideZeroUsage, showSkus, null);
    }

    /**
     * A builder with every field absent ({@code null}). An absent field is left out of the JSON and
     * takes the server's default (docs/api.md §4): {@code formats} {@code ["csv"]},
     * {@code hide_zero_usage} and {@code show_skus} false, {@code timezone} the schedule's zone
     * (else UTC), no {@code period} (required only by {@code once} reports of most kinds).
     * {@code tenant_id}, {@code level} and {@code kind} are required by the server.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these parameters' fields, to make a copy that differs in some of them. */
    public Builder toBuilder() {
        return new Builder()
                .tenantId(tenantId)
                .level(level)
                .kind(kind)
                .formats(formats)
                .period(period)
                .hideZeroUsage(hideZeroUsage)
                .showSkus(showSkus)
                .timezone(timezone);
    }

    /** Builds {@link ReportParameters} field by field; a field never set stays absent ({@code null}). */
    public static final class Builder {
        private UUID tenantId;
        private ReportLevel level;
        private ReportKind kind;
        private List<ReportFormat> formats;
        private Period period;
        private Boolean hideZeroUsage;
        private Boolean showSkus;
        private String timezone;

        private Builder() {}

        public Builder tenantId(UUID tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        public Builder level(ReportLevel level) {
            this.level = level;
            return this;
        }

        public Builder kind(ReportKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder formats(List<ReportFormat> formats) {
            this.formats = formats;
            return this;
        }

        public Builder period(Period period) {
            this.period = period;
            return this;
        }

        public Builder hideZeroUsage(Boolean hideZeroUsage) {
            this.hideZeroUsage = hideZeroUsage;
            return this;
        }

        public Builder showSkus(Boolean showSkus) {
            this.showSkus = showSkus;
            return this;
        }

        /** An IANA zone name such as {@code Europe/Berlin}. */
        public Builder timezone(String timezone) {
            this.timezone = timezone;
            return this;
        }

        public ReportParameters build() {
            return new ReportParameters(tenantId, level, kind, formats, period, hideZeroUsage, showSkus, timezone);
        }
    }
}
