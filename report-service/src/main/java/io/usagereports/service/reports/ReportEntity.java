package io.usagereports.service.reports;

import io.usagereports.model.common.WireEnum;
import io.usagereports.model.reports.Period;
import io.usagereports.model.reports.Report;
import io.usagereports.model.reports.ReportFormat;
import io.usagereports.model.reports.ReportKind;
import io.usagereports.model.reports.ReportLevel;
import io.usagereports.model.reports.ReportParameters;
import io.usagereports.model.reports.ResultAction;
import io.usagereports.model.reports.Schedule;
import io.usagereports.model.reports.ScheduleType;
import io.usagereports.model.reports.Weekday;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The current state of a report definition. Its {@code version} is managed by
 * {@link ReportService} under a row lock (not by JPA's {@code @Version}), because every
 * update must create a new version even when no value changes, and updates without an
 * expected version must be serialized rather than fail.
 */
@Entity
@Table(name = "report")
public class ReportEntity {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Id
    private UUID id;

    @Column(nullable = false)
    private int version;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Convert(converter = ReportColumnConverters.ResultActionConverter.class)
    @Column(name = "result_action", nullable = false)
    private ResultAction resultAction;

    @Convert(converter = ReportColumnConverters.UuidListConverter.class)
    @Column(nullable = false)
    private List<UUID> recipients;

    @Convert(converter = ReportColumnConverters.LevelConverter.class)
    @Column(name = "report_level", nullable = false)
    private ReportLevel level;

    @Convert(converter = ReportColumnConverters.KindConverter.class)
    @Column(name = "report_kind", nullable = false)
    private ReportKind kind;

    @Convert(converter = ReportColumnConverters.FormatsConverter.class)
    @Column(nullable = false)
    private List<ReportFormat> formats;

    @Column(name = "period_start")
    private LocalDate periodStart;

    @Column(name = "period_end")
    private LocalDate periodEnd;

    @Column(name = "hide_zero_usage", nullable = false)
    private boolean hideZeroUsage;

    @Column(name = "show_skus", nullable = false)
    private boolean showSkus;

    @Convert(converter = ReportColumnConverters.ScheduleTypeConverter.class)
    @Column(name = "schedule_type", nullable = false)
    private ScheduleType scheduleType;

    @Column(name = "schedule_enabled", nullable = false)
    private boolean scheduleEnabled;

    @Column(name = "generation_date")
    private LocalDate generationDate;

    /** {@code HH:MM}, local time in {@link #scheduleTimezone}. */
    @Column(name = "schedule_time")
    private String scheduleTime;

    @Column(name = "schedule_day_of_month")
    private Integer scheduleDayOfMonth;

    @Column(name = "schedule_day_of_week")
    private String scheduleDayOfWeek;

    @Column(name = "schedule_timezone")
    private String scheduleTimezone;

    /** {@code parameters.timezone} as sent; null follows the schedule's time zone. */
    @Column(name = "report_timezone")
    private String reportTimezone;

    @Column(name = "next_run_at")
    private Instant nextRunAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ReportEntity() {
        // for JPA
    }

    // The mapping's converters, for fromRow; they hold no state.
    private static final ReportColumnConverters.ResultActionConverter RESULT_ACTIONS =
            new ReportColumnConverters.ResultActionConverter();
    private static final ReportColumnConverters.UuidListConverter UUID_LISTS =
            new ReportColumnConverters.UuidListConverter();
    private static final ReportColumnConverters.LevelConverter LEVELS = new ReportColumnConverters.LevelConverter();
    private static final ReportColumnConverters.KindConverter KINDS = new ReportColumnConverters.KindConverter();
    private static final ReportColumnConverters.FormatsConverter FORMATS =
            new ReportColumnConverters.FormatsConverter();
    private static final ReportColumnConverters.ScheduleTypeConverter SCHEDULE_TYPES =
            new ReportColumnConverters.ScheduleTypeConverter();

    /**
     * The report in the current row of {@code rs} (every column of {@code report}, by name), read
     * without an entity manager, through the same converters as the mapping above.
     */
    static ReportEntity fromRow(ResultSet rs) throws SQLException {
        ReportEntity entity = new ReportEntity();
        entity.id = rs.getObject("id", UUID.class);
        entity.version = rs.getInt("version");
        entity.tenantId = rs.getObject("tenant_id", UUID.class);
        entity.resultAction = RESULT_ACTIONS.convertToEntityAttribute(rs.getString("result_action"));
        entity.recipients = UUID_LISTS.convertToEntityAttribute(rs.getString("recipients"));
        entity.level = LEVELS.convertToEntityAttribute(rs.getString("report_level"));
        entity.kind = KINDS.convertToEntityAttribute(rs.getString("report_kind"));
        entity.formats = FORMATS.convertToEntityAttribute(rs.getString("formats"));
        entity.periodStart = rs.getObject("period_start", LocalDate.class);
        entity.periodEnd = rs.getObject("period_end", LocalDate.class);
        entity.hideZeroUsage = rs.getBoolean("hide_zero_usage");
        entity.showSkus = rs.getBoolean("show_skus");
        entity.scheduleType = SCHEDULE_TYPES.convertToEntityAttribute(rs.getString("schedule_type"));
        entity.scheduleEnabled = rs.getBoolean("schedule_enabled");
        entity.generationDate = rs.getObject("generation_date", LocalDate.class);
        entity.scheduleTime = rs.getString("schedule_time");
        entity.scheduleDayOfMonth = rs.getObject("schedule_day_of_month", Integer.class);
        entity.scheduleDayOfWeek = rs.getString("schedule_day_of_week");
        entity.scheduleTimezone = rs.getString("schedule_timezone");
        entity.reportTimezone = rs.getString("report_timezone");
        entity.nextRunAt = instant(rs, "next_run_at");
        entity.createdAt = instant(rs, "created_at");
        entity.updatedAt = instant(rs, "updated_at");
        return entity;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** A new definition at version 1; {@code definition} is already checked and defaulted. */
    static ReportEntity create(UUID id, Report definition, Instant now) {
        ReportEntity entity = new ReportEntity();
        entity.id = id;
        entity.version = 1;
        entity.tenantId = definition.parameters().tenantId();
        entity.createdAt = now;
        // Not updatable; kept as sent (null follows the schedule's time zone), so assign() leaves it.
        entity.reportTimezone = definition.parameters().timezone();
        entity.assign(definition, now);
        return entity;
    }

    /** Replaces the updatable state with {@code definition} and moves to the next version. */
    void update(Report definition, Instant now) {
        version++;
        assign(definition, now);
    }

    private void assign(Report definition, Instant now) {
        ReportParameters params = definition.parameters();
        resultAction = definition.resultAction();
        recipients = definition.recipients();
        level = params.level();
        kind = params.kind();
        formats = params.formats();
        periodStart = params.period() == null ? null : params.period().start();
        periodEnd = params.period() == null ? null : params.period().end();
        hideZeroUsage = params.hideZeroUsage();
        showSkus = params.showSkus();
        Schedule schedule = definition.schedule();
        scheduleType = schedule.type();
        scheduleEnabled = schedule.enabled();
        scheduleTime = schedule.time() == null ? null : schedule.time().format(HH_MM);
        scheduleDayOfMonth = schedule.dayOfMonth();
        scheduleDayOfWeek =
                schedule.dayOfWeek() == null ? null : schedule.dayOfWeek().wire();
        scheduleTimezone = schedule.timezone();
        generationDate = definition.generationDate();
        updatedAt = now;
    }

    /** Sets when the next scheduled run is due (null: none, a once or disabled report). */
    void scheduleNextRun(Instant at) {
        nextRunAt = at;
    }

    /**
     * The definition as the API shows it: {@code parameters.timezone} with its default (the
     * schedule's time zone, or UTC), and {@code next_run_at} for an enabled scheduled report.
     */
    Report toReport() {
        Period period = periodStart == null ? null : new Period(periodStart, periodEnd);
        Schedule schedule = new Schedule(
                scheduleType,
                scheduleEnabled,
                scheduleTime == null ? null : LocalTime.parse(scheduleTime),
                scheduleDayOfMonth,
                scheduleDayOfWeek == null
                        ? null
                        : WireEnum.parse(Weekday.class, scheduleDayOfWeek).orElseThrow(),
                scheduleTimezone);
        String timezone =
                reportTimezone != null ? reportTimezone : scheduleTimezone != null ? scheduleTimezone : ReportRules.UTC;
        return new Report(
                id,
                version,
                resultAction,
                recipients,
                new ReportParameters(tenantId, level, kind, formats, period, hideZeroUsage, showSkus, timezone),
                schedule,
                generationDate,
                scheduleEnabled ? nextRunAt : null);
    }

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    int version() {
        return version;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
