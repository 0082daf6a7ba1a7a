package io.usagereports.web.reports;

import static io.usagereports.model.common.ErrorCodes.FIELD_NOT_UPDATABLE;
import static io.usagereports.model.common.ErrorCodes.READ_ONLY_FIELD;

import io.usagereports.model.common.ErrorDomains;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ReportUpdate;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.reports.ScheduleType;
import io.usagereports.model.reports.Weekday;
import io.usagereports.service.common.ServiceException;
import io.usagereports.service.common.ServiceException.Kind;
import io.usagereports.web.json.JsonFields;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * Reads report request bodies into report-model types, strictly: each field's JSON type and
 * form is checked and unknown fields are refused. Whether the values make a valid report is
 * decided by the service's rules, not here.
 */
final class ReportJson {

    /** The domain of every error about a report request. */
    private ReportJson() {}

    /** The body of {@code POST /reports}. */
    static Report readNew(JsonObject body) {
        JsonFields root = JsonFields.of(body, ErrorDomains.REPORTS);
        refuse(root, READ_ONLY_FIELD, "is assigned by the server", List.of("id", "version", "next_run_at"));
        Report report = Report.builder()
                .resultAction(root.enumValue("result_action", ResultAction.class))
                .recipients(root.uuidList("recipients"))
                .parameters(readParameters(root.object("parameters")))
                .schedule(readSchedule(root.object("schedule")))
                .generationDate(root.date("generation_date"))
                .build();
        root.rejectUnknown();
        return report;
    }

    /**
     * The body of {@code PUT /reports/{id}}: only the updatable fields may appear. A known
     * field that cannot be updated is refused as such, even when it carries the current value.
     */
    static ReportUpdate readUpdate(JsonObject body) {
        JsonFields root = JsonFields.of(body, ErrorDomains.REPORTS);
        refuse(
                root,
                FIELD_NOT_UPDATABLE,
                "cannot be updated",
                List.of("id", "version", "result_action", "generation_date", "next_run_at"));
        ReportUpdate.Parameters parameters = null;
        JsonFields params = root.object("parameters");
        if (params != null) {
            refuse(
                    params,
                    FIELD_NOT_UPDATABLE,
                    "cannot be updated",
                    List.of("tenant_id", "formats", "period", "timezone"));
            parameters = new ReportUpdate.Parameters(
                    params.enumValue("level", ReportLevel.class),
                    params.enumValue("kind", ReportKind.class),
                    params.bool("hide_zero_usage"),
                    params.bool("show_skus"));
            params.rejectUnknown();
        }
        ReportUpdate.ScheduleChange schedule = null;
        JsonFields sched = root.object("schedule");
        if (sched != null) {
            refuse(sched, FIELD_NOT_UPDATABLE, "cannot be updated", List.of("type"));
            schedule = new ReportUpdate.ScheduleChange(
                    sched.bool("enabled"),
                    sched.time("time"),
                    sched.integer("day_of_month"),
                    sched.enumValue("day_of_week", Weekday.class),
                    sched.text("timezone"));
            sched.rejectUnknown();
        }
        ReportUpdate update = new ReportUpdate(root.uuidList("recipients"), parameters, schedule);
        root.rejectUnknown();
        return update;
    }

    private static ReportParameters readParameters(JsonFields params) {
        if (params == null) {
            return null;
        }
        ReportParameters parameters = new ReportParameters(
                params.uuid("tenant_id"),
                params.enumValue("level", ReportLevel.class),
                params.enumValue("kind", ReportKind.class),
                params.enumList("formats", ReportFormat.class),
                readPeriod(params.object("period")),
                params.bool("hide_zero_usage"),
                params.bool("show_skus"),
                params.text("timezone"));
        params.rejectUnknown();
        return parameters;
    }

    private static Period readPeriod(JsonFields period) {
        if (period == null) {
            return null;
        }
        Period result = new Period(period.date("start"), period.date("end"));
        period.rejectUnknown();
        return result;
    }

    private static Schedule readSchedule(JsonFields schedule) {
        if (schedule == null) {
            return null;
        }
        Schedule result = new Schedule(
                schedule.enumValue("type", ScheduleType.class),
                schedule.bool("enabled"),
                schedule.time("time"),
                schedule.integer("day_of_month"),
                schedule.enumValue("day_of_week", Weekday.class),
                schedule.text("timezone"));
        schedule.rejectUnknown();
        return result;
    }

    private static void refuse(JsonFields fields, String code, String why, List<String> names) {
        for (String name : names) {
            if (fields.has(name)) {
                throw ServiceException.of(
                        Kind.INVALID_REQUEST,
                        ErrorDomains.REPORTS,
                        code,
                        fields.pathOf(name) + " " + why + ".",
                        fields.pathOf(name),
                        "Leave " + fields.pathOf(name) + " out of the body.");
            }
        }
    }
}
