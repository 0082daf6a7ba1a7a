package io.usagereports.model.json;

import io.usagereports.model.common.Timestamps;
import io.usagereports.model.common.WireEnumAdapter;
import io.usagereports.model.directory.Role;
import io.usagereports.model.directory.TenantKind;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.ScheduleType;
import io.usagereports.model.reports.Weekday;
import io.usagereports.model.runs.DeliveryStatus;
import io.usagereports.model.runs.DeliveryTransport;
import io.usagereports.model.runs.RunStatus;
import io.usagereports.model.runs.RunTrigger;
import io.usagereports.model.runs.StoredStatus;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The JSON-B settings of the wire format, used by the server and by report-client alike, so
 * both sides agree on enum names, timestamp form and the omission of absent fields.
 */
public final class WireJson {

    private WireJson() {}

    public static JsonbConfig config() {
        return new JsonbConfig()
                .withNullValues(false)
                .withFormatting(false)
                .withAdapters(
                        new ResultActionAdapter(),
                        new LevelAdapter(),
                        new KindAdapter(),
                        new FormatAdapter(),
                        new ScheduleTypeAdapter(),
                        new TenantKindAdapter(),
                        new RoleAdapter(),
                        new RunTriggerAdapter(),
                        new RunStatusAdapter(),
                        new StoredStatusAdapter(),
                        new DeliveryStatusAdapter(),
                        new DeliveryTransportAdapter(),
                        new WeekdayAdapter(),
                        new InstantAdapter(),
                        new LocalTimeAdapter());
    }

    static final class ResultActionAdapter extends WireEnumAdapter<ResultAction> {
        ResultActionAdapter() {
            super(ResultAction.class);
        }
    }

    static final class LevelAdapter extends WireEnumAdapter<ReportLevel> {
        LevelAdapter() {
            super(ReportLevel.class);
        }
    }

    static final class KindAdapter extends WireEnumAdapter<ReportKind> {
        KindAdapter() {
            super(ReportKind.class);
        }
    }

    static final class FormatAdapter extends WireEnumAdapter<ReportFormat> {
        FormatAdapter() {
            super(ReportFormat.class);
        }
    }

    static final class ScheduleTypeAdapter extends WireEnumAdapter<ScheduleType> {
        ScheduleTypeAdapter() {
            super(ScheduleType.class);
        }
    }

    static final class TenantKindAdapter extends WireEnumAdapter<TenantKind> {
        TenantKindAdapter() {
            super(TenantKind.class);
        }
    }

    static final class RoleAdapter extends WireEnumAdapter<Role> {
        RoleAdapter() {
            super(Role.class);
        }
    }

    static final class RunTriggerAdapter extends WireEnumAdapter<RunTrigger> {
        RunTriggerAdapter() {
            super(RunTrigger.class);
        }
    }

    static final class RunStatusAdapter extends WireEnumAdapter<RunStatus> {
        RunStatusAdapter() {
            super(RunStatus.class);
        }
    }

    static final class StoredStatusAdapter extends WireEnumAdapter<StoredStatus> {
        StoredStatusAdapter() {
            super(StoredStatus.class);
        }
    }

    static final class DeliveryStatusAdapter extends WireEnumAdapter<DeliveryStatus> {
        DeliveryStatusAdapter() {
            super(DeliveryStatus.class);
        }
    }

    static final class DeliveryTransportAdapter extends WireEnumAdapter<DeliveryTransport> {
        DeliveryTransportAdapter() {
            super(DeliveryTransport.class);
        }
    }

    static final class WeekdayAdapter extends WireEnumAdapter<Weekday> {
        WeekdayAdapter() {
            super(Weekday.class);
        }
    }

    /** A time of day as {@code HH:MM}, as schedules write it. */
    static final class LocalTimeAdapter implements JsonbAdapter<LocalTime, String> {
        @Override
        public String adaptToJson(LocalTime time) {
            return time.format(HH_MM);
        }

        @Override
        public LocalTime adaptFromJson(String text) {
            return LocalTime.parse(text, HH_MM);
        }
    }

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    static final class InstantAdapter implements JsonbAdapter<Instant, String> {
        @Override
        public String adaptToJson(Instant instant) {
            return Timestamps.format(instant);
        }

        @Override
        public Instant adaptFromJson(String text) {
            return Timestamps.parse(text);
        }
    }
}
