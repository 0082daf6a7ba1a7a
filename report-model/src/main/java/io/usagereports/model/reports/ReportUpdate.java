package io.usagereports.model.reports;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code PUT /reports/{id}}: a partial update. Every field is optional; a
 * {@code null} field is left out of the JSON and keeps its current value on the server.
 * These are all the fields the API allows a PUT to change.
 */
public record ReportUpdate(List<UUID> recipients, Parameters parameters, ScheduleChange schedule) {

    /** An update that names no field (the body {@code {}}): nothing changes but the version. */
    public static ReportUpdate empty() {
        return new ReportUpdate(null, null, null);
    }

    /**
     * A builder of an update that changes only what it is given: a field never set stays absent
     * ({@code null}), is left out of the JSON and keeps its current value on the server.
     * {@code parameters} is sent only if one of its fields is set, {@code schedule} likewise.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ReportUpdate} from the fields to change, parameters and schedule alike. */
    public static final class Builder {
        private List<UUID> recipients;
        private ReportLevel level;
        private ReportKind kind;
        private Boolean hideZeroUsage;
        private Boolean showSkus;
        private Boolean enabled;
        private LocalTime time;
        private Integer dayOfMonth;
        private Weekday dayOfWeek;
        private String timezone;

        private Builder() {}

        /** The new recipients (all of them). */
        public Builder recipients(List<UUID> recipients) {
            this.recipients = recipients;
            return this;
        }

        /** {@code parameters.level}. */
        public Builder level(ReportLevel level) {
            this.level = level;
            return this;
        }

        /** {@code parameters.kind}. */
        public Builder kind(ReportKind kind) {
            this.kind = kind;
            return this;
        }

        /** {@code parameters.hide_zero_usage}. */
        public Builder hideZeroUsage(Boolean hideZeroUsage) {
            this.hideZeroUsage = hideZeroUsage;
            return this;
        }

        /** {@code parameters.show_skus}. */
        public Builder showSkus(Boolean showSkus) {
            this.showSkus = showSkus;
            return this;
        }

        /** {@code schedule.enabled}. */
        public Builder enabled(Boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** {@code schedule.time}. */
        public Builder time(LocalTime time) {
            this.time = time;
            return this;
        }

        /** {@code schedule.day_of_month}. */
        public Builder dayOfMonth(Integer dayOfMonth) {
            this.dayOfMonth = dayOfMonth;
            return this;
        }

        /** {@code schedule.day_of_week}. */
        public Builder dayOfWeek(Weekday dayOfWeek) {
            this.dayOfWeek = dayOfWeek;
            return this;
        }

        /** {@code schedule.timezone}. */
        public Builder timezone(String timezone) {
            this.timezone = timezone;
            return this;
        }

        public ReportUpdate build() {
            Parameters parameters = level == null && kind == null && hideZeroUsage == null && showSkus == null
                    ? null
                    : new Parameters(level, kind, hideZeroUsage, showSkus);
            ScheduleChange schedule =
                    enabled == null && time == null && dayOfMonth == null && dayOfWeek == null && timezone == null
                            ? null
                            : new ScheduleChange(enabled, time, dayOfMonth, dayOfWeek, timezone);
            return new ReportUpdate(recipients, parameters, schedule);
        }
    }

    /** The updatable report parameters. */
    public record Parameters(
            ReportLevel level,
            ReportKind kind,
            @JsonbProperty("hide_zero_usage") Boolean hideZeroUsage,
            @JsonbProperty("show_skus") Boolean showSkus) {}

    /** The updatable schedule fields (of scheduled reports). */
    public record ScheduleChange(
            Boolean enabled,
            LocalTime time,
            @JsonbProperty("day_of_month") Integer dayOfMonth,
            @JsonbProperty("day_of_week") Weekday dayOfWeek,
            String timezone) {

        /** The canonical constructor, the one JSON-B reads with. */
        @JsonbCreator
        public ScheduleChange {}

        /** A change of {@code enabled} only. */
        public ScheduleChange(Boolean enabled) {
            this(enabled, null, null, null, null);
        }
    }
}
