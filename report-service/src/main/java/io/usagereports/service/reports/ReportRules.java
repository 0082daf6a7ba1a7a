package io.usagereports.service.reports;

import static io.usagereports.model.common.ErrorCodes.DUPLICATE_VALUE;
import static io.usagereports.model.common.ErrorCodes.FIELD_NOT_ALLOWED;
import static io.usagereports.model.common.ErrorCodes.INVALID_VALUE;
import static io.usagereports.model.common.ErrorCodes.NOT_UPDATABLE;
import static io.usagereports.model.common.ErrorCodes.REQUIRED_FIELD;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ReportUpdate;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.reports.ScheduleType;
import io.usagereports.model.reports.Weekday;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.schedule.ScheduleDefaults;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of a report definition (docs/api.md §4): which fields are required, which combinations
 * are allowed, and the defaults of the rest. Pure functions of their inputs, so the whole rule
 * set is unit-tested without a container. The checks that need the directory (tenant
 * existence, recipients inside the tenant's subtree) are not here.
 */
public final class ReportRules {

    static final String UTC = "UTC";

    /**
     * The earliest day a report may cover or be generated on: usage data is dated in Unix time,
     * and nothing was measured before it began. Earlier dates (year 0000, say) are mistakes.
     */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1970, 1, 1);

    /** Recipients are kept in one column; 100 addresses is far more than a report mail needs. */
    static final int MAX_RECIPIENTS = 100;

    private ReportRules() {}

    private static ServiceException invalid(String code, String field, String message, String info) {
        return ServiceException.invalid(ErrorDomains.REPORTS, code, field, message, info);
    }

    /**
     * Checks a new definition and returns it with defaults applied ({@code formats} {@code
     * ["csv"]}, booleans {@code false}, {@code schedule.enabled} {@code true}, no recipients, a
     * scheduled report's schedule fields from {@code defaults}). {@code id} and {@code version} of
     * the result are {@code null}. {@code parameters.timezone} stays as sent: absent, it follows
     * the schedule's time zone (see {@link #effectiveZone}).
     *
     * @param today the current UTC day, the latest day a period may end on
     */
    public static Report normalizeNew(Report draft, LocalDate today, ScheduleDefaults defaults) {
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
        if (params.timezone() != null) {
            zone(params.timezone(), "parameters.timezone");
        }
        if (type == ScheduleType.ONCE && period == null && kind != ReportKind.USAGE_CURRENT) {
            throw invalid(
                    REQUIRED_FIELD,
                    "parameters.period",
                    "A report that runs once needs a period (every kind but usage_current).",
                    "Send parameters.period with start and end dates.");
        }
        if (type.isScheduled() && period != null) {
            throw invalid(
                    FIELD_NOT_ALLOWED,
                    "parameters.period",
                    "A " + type.wire() + " report has no period: each run covers the previous " + periodName(type)
                            + ".",
                    "Leave parameters.period out.");
        }
        if (type.isScheduled() && draft.generationDate() != null) {
            throw invalid(
                    FIELD_NOT_ALLOWED,
                    "generation_date",
                    "generation_date applies only to reports that run once.",
                    "Leave generation_date out.");
        }
        if (draft.generationDate() != null) {
            checkNotTooEarly(draft.generationDate(), "generation_date");
        }
        List<UUID> recipients = draft.recipients() == null ? List.of() : draft.recipients();
        checkRecipients(action, recipients);

        return Report.builder()
                .resultAction(action)
                .recipients(List.copyOf(recipients))
                .parameters(new ReportParameters(
                        params.tenantId(),
                        params.level(),
                        kind,
                        List.copyOf(formats),
                        period,
                        Objects.requireNonNullElse(params.hideZeroUsage(), false),
                        Objects.requireNonNullElse(params.showSkus(), false),
                        params.timezone()))
                .schedule(newSchedule(schedule, defaults))
                .generationDate(draft.generationDate())
                .build();
    }

    /** A new report's schedule with its defaults, checked: a {@code once} report has no schedule fields. */
    private static Schedule newSchedule(Schedule schedule, ScheduleDefaults defaults) {
        ScheduleType type = schedule.type();
        boolean enabled = Objects.requireNonNullElse(schedule.enabled(), true);
        if (!type.isScheduled()) {
            refuseScheduleField(schedule.time(), "time");
            refuseScheduleField(schedule.dayOfMonth(), "day_of_month");
            refuseScheduleField(schedule.dayOfWeek(), "day_of_week");
            refuseScheduleField(schedule.timezone(), "timezone");
            return new Schedule(type, enabled);
        }
        Schedule withDefaults = new Schedule(
                type,
                enabled,
                Objects.requireNonNullElse(
                        schedule.time(), type == ScheduleType.MONTHLY ? defaults.monthlyTime() : LocalTime.MIDNIGHT),
                type == ScheduleType.MONTHLY
                        ? Objects.requireNonNullElse(schedule.dayOfMonth(), defaults.monthlyDay())
                        : schedule.dayOfMonth(),
                type == ScheduleType.WEEKLY
                        ? Objects.requireNonNullElse(schedule.dayOfWeek(), Weekday.MONDAY)
                        : schedule.dayOfWeek(),
                Objects.requireNonNullElse(schedule.timezone(), UTC));
        checkSchedule(withDefaults);
        return withDefaults;
    }

    /** The fields of a scheduled report's schedule: each only for its type, in its range. */
    private static void checkSchedule(Schedule schedule) {
        ScheduleType type = schedule.type();
        if (schedule.dayOfMonth() != null && type != ScheduleType.MONTHLY) {
            throw invalid(
                    FIELD_NOT_ALLOWED,
                    "schedule.day_of_month",
                    "schedule.day_of_month applies only to monthly" + " reports.",
                    "Leave schedule.day_of_month out.");
        }
        if (schedule.dayOfMonth() != null && (schedule.dayOfMonth() < 1 || schedule.dayOfMonth() > 28)) {
            throw invalid(
                    INVALID_VALUE,
                    "schedule.day_of_month",
                    "schedule.day_of_month must be between 1 and 28" + " (not " + schedule.dayOfMonth()
                            + "), so that every month has the day.",
                    null);
        }
        if (schedule.dayOfWeek() != null && type != ScheduleType.WEEKLY) {
            throw invalid(
                    FIELD_NOT_ALLOWED,
                    "schedule.day_of_week",
                    "schedule.day_of_week applies only to weekly" + " reports.",
                    "Leave schedule.day_of_week out.");
        }
        zone(schedule.timezone(), "schedule.timezone");
    }

    private static void refuseScheduleField(Object value, String name) {
        if (value != null) {
            throw invalid(
                    FIELD_NOT_ALLOWED,
                    "schedule." + name,
                    "schedule." + name + " applies only to scheduled" + " reports (monthly, daily, weekly).",
                    "Leave schedule." + name + " out.");
        }
    }

    private static String periodName(ScheduleType type) {
        return switch (type) {
            case MONTHLY -> "calendar month";
            case DAILY -> "day";
            case WEEKLY -> "ISO week, Monday to Sunday";
            case ONCE -> "period";
        };
    }

    /** The time zone of {@code name}, an IANA zone name; 400 naming {@code field} otherwise. */
    public static ZoneId zone(String name, String field) {
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw invalid(
                    INVALID_VALUE,
                    field,
                    field + " must be an IANA time zone name such as Europe/Berlin or UTC" + " (not '" + name + "').",
                    null);
        }
        return ZoneId.of(name);
    }

    /**
     * The zone a report's days are drawn in: {@code parameters.timezone} if it has one, else its
     * schedule's time zone, else UTC.
     */
    public static ZoneId effectiveZone(Report report) {
        String name = report.parameters().timezone() != null
                ? report.parameters().timezone()
                : report.schedule().timezone() != null ? report.schedule().timezone() : UTC;
        return ZoneId.of(name);
    }

    /**
     * Applies a partial update to the current definition and checks the result. Only scheduled
     * reports can be updated; fields the update leaves out keep their values.
     */
    public static Report applyUpdate(Report current, ReportUpdate update) {
        if (!current.schedule().type().isScheduled()) {
            throw invalid(
                    NOT_UPDATABLE,
                    null,
                    "Only scheduled (monthly, daily, weekly) reports can be updated.",
                    "Delete this report and create a new one instead.");
        }
        List<UUID> recipients = update.recipients() == null ? current.recipients() : update.recipients();
        checkRecipients(current.resultAction(), recipients);

        ReportParameters params = current.parameters();
        ReportUpdate.Parameters changes = update.parameters();
        if (changes != null) {
            params = new ReportParameters(
                    params.tenantId(),
                    Objects.requireNonNullElse(changes.level(), params.level()),
                    Objects.requireNonNullElse(changes.kind(), params.kind()),
                    params.formats(),
                    params.period(),
                    Objects.requireNonNullElse(changes.hideZeroUsage(), params.hideZeroUsage()),
                    Objects.requireNonNullElse(changes.showSkus(), params.showSkus()),
                    params.timezone());
        }
        Schedule schedule = current.schedule();
        ReportUpdate.ScheduleChange change = update.schedule();
        if (change != null) {
            schedule = new Schedule(
                    schedule.type(),
                    Objects.requireNonNullElse(change.enabled(), schedule.enabled()),
                    Objects.requireNonNullElse(change.time(), schedule.time()),
                    change.dayOfMonth() != null ? change.dayOfMonth() : schedule.dayOfMonth(),
                    change.dayOfWeek() != null ? change.dayOfWeek() : schedule.dayOfWeek(),
                    Objects.requireNonNullElse(change.timezone(), schedule.timezone()));
            checkSchedule(schedule);
        }
        return new Report(
                current.id(),
                current.version(),
                current.resultAction(),
                List.copyOf(recipients),
                params,
                schedule,
                current.generationDate());
    }

    private static void checkFormats(List<ReportFormat> formats) {
        if (formats.isEmpty()) {
            throw invalid(
                    INVALID_VALUE,
                    "parameters.formats",
                    "At least one format is required.",
                    "Leave formats out for [\"csv\"], or list the formats wanted.");
        }
        Set<ReportFormat> seen = new HashSet<>();
        for (int i = 0; i < formats.size(); i++) {
            if (!seen.add(formats.get(i))) {
                throw invalid(
                        DUPLICATE_VALUE,
                        "parameters.formats[" + i + "]",
                        "Format '" + formats.get(i).wire() + "' is listed twice.",
                        "List each format once.");
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
        checkNotTooEarly(period.start(), field + ".start");
        checkNotTooEarly(period.end(), field + ".end");
        if (period.start().isAfter(period.end())) {
            throw invalid(
                    INVALID_VALUE,
                    field + ".end",
                    "The period ends (" + period.end() + ") before it starts (" + period.start() + ").",
                    "Send an end date on or after the start date.");
        }
        if (period.end().isAfter(today)) {
            throw invalid(
                    INVALID_VALUE,
                    field + ".end",
                    "The period ends in the future (" + period.end() + "; today is " + today + " UTC).",
                    "Send a period that ends today or earlier.");
        }
    }

    private static void checkNotTooEarly(LocalDate date, String field) {
        if (date.isBefore(EARLIEST_DATE)) {
            throw invalid(
                    INVALID_VALUE,
                    field,
                    field + " must be " + EARLIEST_DATE + " or later (not " + date + ").",
                    "Send a date from " + EARLIEST_DATE + " on.");
        }
    }

    /** Checks the recipients a run is e-mailed to again: some, none twice, not too many. */
    public static void checkResendRecipients(List<UUID> recipients) {
        if (recipients.isEmpty()) {
            throw invalid(
                    REQUIRED_FIELD,
                    "recipients",
                    "There is no one to send the run to: the report has no" + " recipients and the request names none.",
                    "List the IDs of the users who should receive it.");
        }
        checkRecipientList(recipients);
    }

    private static void checkRecipients(ResultAction action, List<UUID> recipients) {
        if (action == ResultAction.SEND && recipients.isEmpty()) {
            throw invalid(
                    REQUIRED_FIELD,
                    "recipients",
                    "A report that is sent needs at least one recipient.",
                    "List the IDs of the users who should receive it.");
        }
        if (action == ResultAction.SAVE && !recipients.isEmpty()) {
            throw invalid(
                    FIELD_NOT_ALLOWED,
                    "recipients",
                    "A report that is only saved has no recipients.",
                    "Leave recipients out or empty, or use result_action send.");
        }
        checkRecipientList(recipients);
    }

    private static void checkRecipientList(List<UUID> recipients) {
        if (recipients.size() > MAX_RECIPIENTS) {
            throw invalid(
                    INVALID_VALUE, "recipients", "A report can have at most " + MAX_RECIPIENTS + " recipients.", null);
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < recipients.size(); i++) {
            if (!seen.add(recipients.get(i))) {
                throw invalid(
                        DUPLICATE_VALUE,
                        "recipients[" + i + "]",
                        "Recipient " + recipients.get(i) + " is listed twice.",
                        "List each recipient once.");
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
