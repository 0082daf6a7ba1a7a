package io.usagereports.service.reports;

import static io.usagereports.model.common.ErrorCodes.DUPLICATE_VALUE;
import static io.usagereports.model.common.ErrorCodes.FIELD_NOT_ALLOWED;
import static io.usagereports.model.common.ErrorCodes.INVALID_VALUE;
import static io.usagereports.model.common.ErrorCodes.NOT_UPDATABLE;
import static io.usagereports.model.common.ErrorCodes.REQUIRED_FIELD;

import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ReportUpdate;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.reports.ScheduleType;
import io.usagereports.service.common.ServiceException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of a report definition (spec §4): which fields are required, which combinations
 * are allowed, and the defaults of the rest. Pure functions of their inputs, so the whole rule
 * set is unit-tested without a container. The checks that need the directory (tenant
 * existence, recipients inside the tenant's subtree) are not here.
 */
public final class ReportRules {

    /** Recipients are kept in one column; 100 addresses is far more than a report mail needs. */
    static final int MAX_RECIPIENTS = 100;

    private ReportRules() {
    }

    private static ServiceException invalid(String code, String field, String message, String info) {
        return ServiceException.invalid(ServiceException.REPORTS, code, field, message, info);
    }

    /**
     * Checks a new definition and returns it with defaults applied ({@code formats} {@code
     * ["csv"]}, booleans {@code false}, {@code schedule.enabled} {@code true}, no recipients).
     * {@code id} and {@code version} of the result are {@code null}.
     *
     * @param today the current UTC day, the latest day a period may end on
     */
    public static Report normalizeNew(Report draft, LocalDate today) {
        ResultAction action = required(draft.resultAction(), "result_action");
        ReportParameters params = required(draft.parameters(), "parameters");
        required(params.tenantId(), "parameters.tenant_id");
        required(params.level(), "parameters.level");
        ReportKind kind = required(params.kind(), "parameters.kind");
        Schedule schedule = required(draft.schedule(), "schedule");
        ScheduleType type = required(schedule.type(), "schedule.type");

        List<ReportFormat> formats = params.formats() == null ? List.of(ReportFormat.CSV) : params.formats();
        checkFormats(formats);
        Period period = params.period();
        if (period != null) {
            checkPeriod(period, today, "parameters.period");
        }
        if (type == ScheduleType.ONCE && period == null && kind != ReportKind.USAGE_CURRENT) {
            throw invalid(REQUIRED_FIELD, "parameters.period",
                    "A report that runs once needs a period (every kind but usage_current).",
                    "Send parameters.period with start and end dates.");
        }
        if (type == ScheduleType.MONTHLY && period != null) {
            throw invalid(FIELD_NOT_ALLOWED, "parameters.period",
                    "A monthly report has no period: each run covers the previous calendar month.",
                    "Leave parameters.period out.");
        }
        if (type == ScheduleType.MONTHLY && draft.generationDate() != null) {
            throw invalid(FIELD_NOT_ALLOWED, "generation_date",
                    "generation_date applies only to reports that run once.", "Leave generation_date out.");
        }
        List<UUID> recipients = draft.recipients() == null ? List.of() : draft.recipients();
        checkRecipients(action, recipients);

        return new Report(null, null, action, List.copyOf(recipients),
                new ReportParameters(params.tenantId(), params.level(), kind, List.copyOf(formats), period,
                        Objects.requireNonNullElse(params.hideZeroUsage(), false),
                        Objects.requireNonNullElse(params.showSkus(), false)),
                new Schedule(type, Objects.requireNonNullElse(schedule.enabled(), true)),
                draft.generationDate());
    }

    /**
     * Applies a partial update to the current definition and checks the result. Only monthly
     * reports can be updated; fields the update leaves out keep their values.
     */
    public static Report applyUpdate(Report current, ReportUpdate update) {
        if (current.schedule().type() != ScheduleType.MONTHLY) {
            throw invalid(NOT_UPDATABLE, null, "Only monthly reports can be updated.",
                    "Delete this report and create a new one instead.");
        }
        List<UUID> recipients = update.recipients() == null ? current.recipients() : update.recipients();
        checkRecipients(current.resultAction(), recipients);

        ReportParameters params = current.parameters();
        ReportUpdate.Parameters changes = update.parameters();
        if (changes != null) {
            params = new ReportParameters(params.tenantId(),
                    Objects.requireNonNullElse(changes.level(), params.level()),
                    Objects.requireNonNullElse(changes.kind(), params.kind()),
                    params.formats(), params.period(),
                    Objects.requireNonNullElse(changes.hideZeroUsage(), params.hideZeroUsage()),
                    Objects.requireNonNullElse(changes.showSkus(), params.showSkus()));
        }
        Schedule schedule = current.schedule();
        if (update.schedule() != null && update.schedule().enabled() != null) {
            schedule = new Schedule(schedule.type(), update.schedule().enabled());
        }
        return new Report(current.id(), current.version(), current.resultAction(), List.copyOf(recipients),
                params, schedule, current.generationDate());
    }

    private static void checkFormats(List<ReportFormat> formats) {
        if (formats.isEmpty()) {
            throw invalid(INVALID_VALUE, "parameters.formats", "At least one format is required.",
                    "Leave formats out for [\"csv\"], or list the formats wanted.");
        }
        Set<ReportFormat> seen = new HashSet<>();
        for (int i = 0; i < formats.size(); i++) {
            if (!seen.add(formats.get(i))) {
                throw invalid(DUPLICATE_VALUE, "parameters.formats[" + i + "]",
                        "Format '" + formats.get(i).wire() + "' is listed twice.", "List each format once.");
            }
        }
    }

    /** Checks the period of a run requested now ({@code POST /reports/{id}/runs}). */
    public static void checkRunPeriod(Period period, LocalDate today) {
        checkPeriod(period, today, "period");
    }

    private static void checkPeriod(Period period, LocalDate today, String field) {
        required(period.start(), field + ".start");
        required(period.end(), field + ".end");
        if (period.start().isAfter(period.end())) {
            throw invalid(INVALID_VALUE, field + ".end",
                    "The period ends (" + period.end() + ") before it starts (" + period.start() + ").",
                    "Send an end date on or after the start date.");
        }
        if (period.end().isAfter(today)) {
            throw invalid(INVALID_VALUE, field + ".end",
                    "The period ends in the future (" + period.end() + "; today is " + today + " UTC).",
                    "Send a period that ends today or earlier.");
        }
    }

    /** Checks the recipients a run is e-mailed to again: some, none twice, not too many. */
    public static void checkResendRecipients(List<UUID> recipients) {
        if (recipients.isEmpty()) {
            throw invalid(REQUIRED_FIELD, "recipients", "There is no one to send the run to: the report has no"
                    + " recipients and the request names none.", "List the IDs of the users who should receive it.");
        }
        checkRecipientList(recipients);
    }

    private static void checkRecipients(ResultAction action, List<UUID> recipients) {
        if (action == ResultAction.SEND && recipients.isEmpty()) {
            throw invalid(REQUIRED_FIELD, "recipients", "A report that is sent needs at least one recipient.",
                    "List the IDs of the users who should receive it.");
        }
        if (action == ResultAction.SAVE && !recipients.isEmpty()) {
            throw invalid(FIELD_NOT_ALLOWED, "recipients", "A report that is only saved has no recipients.",
                    "Leave recipients out or empty, or use result_action send.");
        }
        checkRecipientList(recipients);
    }

    private static void checkRecipientList(List<UUID> recipients) {
        if (recipients.size() > MAX_RECIPIENTS) {
            throw invalid(INVALID_VALUE, "recipients",
                    "A report can have at most " + MAX_RECIPIENTS + " recipients.", null);
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < recipients.size(); i++) {
            if (!seen.add(recipients.get(i))) {
                throw invalid(DUPLICATE_VALUE, "recipients[" + i + "]",
                        "Recipient " + recipients.get(i) + " is listed twice.", "List each recipient once.");
            }
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw invalid(REQUIRED_FIELD, field, field + " is required.", null);
        }
        return value;
    }
}
