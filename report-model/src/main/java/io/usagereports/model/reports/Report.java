package io.usagereports.model.reports;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A report definition as the API sends and receives it (docs/api.md §4). In a request {@code id},
 * {@code version} and {@code nextRunAt} are absent; absent optional fields take their defaults
 * on the server. {@code nextRunAt} is when an enabled scheduled report's next run is due.
 */
public record Report(
        UUID id,
        Integer version,
        @JsonbProperty("result_action") ResultAction resultAction,
        List<UUID> recipients,
        ReportParameters parameters,
        Schedule schedule,
        @JsonbProperty("generation_date") LocalDate generationDate,
        @JsonbProperty("next_run_at") Instant nextRunAt) {

    /** The canonical constructor, the one JSON-B reads with. */
    @JsonbCreator
    public Report {}

    /** A definition without a next run (a request, or a report that does not run on a schedule). */
    public Report(
            UUID id,
            Integer version,
            ResultAction resultAction,
            List<UUID> recipients,
            ReportParameters parameters,
            Schedule schedule,
            LocalDate generationDate) {
        this(id, version, resultAction, recipients, parameters, schedule, generationDate, null);
    }

    /**
     * A builder with every field absent ({@code null}), typically for a request. An absent field is
     * left out of the JSON and takes the server's default (docs/api.md §4): no {@code recipients},
     * and {@code generation_date} absent generates a {@code once} report now. {@code result_action},
     * {@code parameters} and {@code schedule} are required by the server; {@code id},
     * {@code version} and {@code next_run_at} are assigned by it and stay absent in a request.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this definition's fields, to make a copy that differs in some of them. */
    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .version(version)
                .resultAction(resultAction)
                .recipients(recipients)
                .parameters(parameters)
                .schedule(schedule)
                .generationDate(generationDate)
                .nextRunAt(nextRunAt);
    }

    /** Builds a {@link Report} field by field; a field never set stays absent ({@code null}). */
    public static final class Builder {
        private UUID id;
        private Integer version;
        private ResultAction resultAction;
        private List<UUID> recipients;
        private ReportParameters parameters;
        private Schedule schedule;
        private LocalDate generationDate;
        private Instant nextRunAt;

        private Builder() {}

        public Builder id(UUID id) {
            this.id = id;
            return this;
        }

        public Builder version(Integer version) {
            this.version = version;
            return this;
        }

        public Builder resultAction(ResultAction resultAction) {
            this.resultAction = resultAction;
            return this;
        }

        public Builder recipients(List<UUID> recipients) {
            this.recipients = recipients;
            return this;
        }

        public Builder parameters(ReportParameters parameters) {
            this.parameters = parameters;
            return this;
        }

        public Builder schedule(Schedule schedule) {
            this.schedule = schedule;
            return this;
        }

        public Builder generationDate(LocalDate generationDate) {
            this.generationDate = generationDate;
            return this;
        }

        public Builder nextRunAt(Instant nextRunAt) {
            this.nextRunAt = nextRunAt;
            return this;
        }

        public Report build() {
            return new Report(id, version, resultAction, recipients, parameters, schedule, generationDate, nextRunAt);
        }
    }
}
